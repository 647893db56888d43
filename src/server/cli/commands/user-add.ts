import { parseArgs } from 'node:util';
import { isRole, ROLES, type Role } from '../../../core/permissions.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../context.ts';
import { addUser } from '../operations/add-user.ts';
import { readSecretLine } from '../stdin.ts';
import { callRunningServer } from '../via-server.ts';
import { withRuntime } from '../with-runtime.ts';

/**
 * `sanad user add --organisation ACR --email EMAIL --role ROLE [--role ROLE…] [--name NAME] [--password-stdin]`.
 * Without --password-stdin a random password is printed once. Either way it must be changed at first
 * sign-in. Works while the server runs (through its local admin endpoint).
 */
export const userAddCommand: Command = async (ctx) => {
  const { values } = parseArgs({
    args: ctx.args,
    options: {
      organisation: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string', multiple: true },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.organisation || !values.email || !values.role?.length) {
    throw new CliError('Usage: sanad user add --organisation ACR --email EMAIL --role ROLE [--password-stdin]', 2);
  }
  const roles = values.role.flatMap((r) => r.split(',')).map((r) => r.trim());
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length) throw new CliError(`Unknown role ${unknown.join(', ')}. Roles: ${ROLES.join(', ')}`, 2);
  const password = values['password-stdin'] ? await readSecretLine(ctx.readStdin) : undefined;
  const request = {
    organisation: values.organisation,
    email: values.email,
    roles: roles as Role[],
    ...(values.name ? { displayName: values.name } : {}),
    ...(password !== undefined ? { password } : {}),
  };
  const result =
    (await callRunningServer<Awaited<ReturnType<typeof addUser>>>(ctx, '/local-admin/user-add', request)) ??
    (await withRuntime(ctx, 'user add', () => addUser(request)));
  ctx.err(
    result.initialPassword
      ? `Created ${result.email} in ${result.organisation} (${result.roles.join(', ')}). Password, shown once — it must be changed at first sign-in:`
      : `Added ${result.email} to ${result.organisation} (${result.roles.join(', ')}).`,
  );
  if (result.initialPassword) ctx.out(result.initialPassword);
};
