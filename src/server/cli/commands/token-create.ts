import { parseArgs } from 'node:util';
import { CliError } from '../cli-error.ts';
import type { Command } from '../context.ts';
import { createTokenFor } from '../operations/create-token-for.ts';
import { callRunningServer } from '../via-server.ts';
import { withRuntime } from '../with-runtime.ts';

/** `sanad token create --email EMAIL [--organisation ACR] [--name LABEL]`: the token alone on stdout. */
export const tokenCreateCommand: Command = async (ctx) => {
  const { values } = parseArgs({
    args: ctx.args,
    options: { email: { type: 'string' }, organisation: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  if (!values.email) throw new CliError('Usage: sanad token create --email EMAIL [--organisation ACR] [--name LABEL]', 2);
  const request = { email: values.email, organisation: values.organisation, name: values.name };
  const result =
    (await callRunningServer<Awaited<ReturnType<typeof createTokenFor>>>(ctx, '/local-admin/token-create', request)) ??
    (await withRuntime(ctx, 'token create', () => createTokenFor(request)));
  ctx.err(`API token for ${values.email} in ${result.organisation} (shown once; store it safely):`);
  ctx.out(result.secret);
};
