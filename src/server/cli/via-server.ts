import { liveHolder } from '../db/data-dir-lock.ts';
import { LOCAL_ADMIN_HEADER, localAdminSecret } from '../http/local-admin.ts';
import { readKeyring } from '../security/keyring.ts';
import { CliError } from './cli-error.ts';
import type { CommandContext } from './context.ts';

/**
 * For commands that must work while the server runs (DESIGN §2): when a live server holds the PGlite data
 * dir, send the request to its local admin endpoint; otherwise return null and let the caller open the
 * data dir itself.
 */
export async function callRunningServer<T>(ctx: CommandContext, path: string, body: unknown): Promise<T | null> {
  if (ctx.config.databaseUrl) return null;
  const holder = liveHolder(ctx.config.dataDir);
  if (!holder) return null;
  if (!holder.adminPort) {
    throw new CliError(`The data directory is in use by "sanad ${holder.command}" (pid ${holder.pid}); try again when it ends.`);
  }
  const secret = localAdminSecret(readKeyring(ctx.config.keyFile));
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${holder.adminPort}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [LOCAL_ADMIN_HEADER]: secret },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new CliError(`The running server (pid ${holder.pid}) did not answer on its local admin port: ${(error as Error).message}`);
  }
  const json = (await response.json().catch(() => null)) as { error?: { message: string; details?: unknown } } | null;
  if (!response.ok) {
    const details = json?.error?.details ? ` ${JSON.stringify(json.error.details)}` : '';
    throw new CliError(`${json?.error?.message ?? `The server answered ${response.status}.`}${details}`);
  }
  ctx.err(`(through the running server, pid ${holder.pid})`);
  return json as T;
}
