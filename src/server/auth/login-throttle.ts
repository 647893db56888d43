import type { SqlRunner } from '../db/client.ts';
import { AppError } from '../errors/app-error.ts';
import { LOCKOUT_THRESHOLD, LOCKOUT_WINDOW_MS, requiredDelayMs } from './policy.ts';

/**
 * Failed sign-ins per (account, IP): a progressive delay between attempts, then a lock after 6 failures in
 * 15 minutes. Keyed by IP too, so an attacker cannot lock a colleague out from elsewhere.
 */
export async function assertMayAttemptLogin(
  db: SqlRunner,
  key: { accountId: string | null; email: string; ip: string },
  at: Date,
): Promise<void> {
  const since = new Date(at.getTime() - LOCKOUT_WINDOW_MS);
  const rows = await db.query<{ failed_at: Date }>(
    key.accountId
      ? 'select failed_at from login_failures where account_id = $1 and ip = $2 and failed_at > $3 order by failed_at desc'
      : 'select failed_at from login_failures where account_id is null and lower(email) = lower($1) and ip = $2 and failed_at > $3 order by failed_at desc',
    [key.accountId ?? key.email, key.ip, since],
  );
  if (rows.length >= LOCKOUT_THRESHOLD) {
    const unlockAt = rows[LOCKOUT_THRESHOLD - 1]!.failed_at.getTime() + LOCKOUT_WINDOW_MS;
    throw new AppError('LOGIN_LOCKED', { headers: { 'retry-after': retryAfter(unlockAt - at.getTime()) } });
  }
  const last = rows[0];
  const wait = last ? last.failed_at.getTime() + requiredDelayMs(rows.length) - at.getTime() : 0;
  if (wait > 0) throw new AppError('LOGIN_DELAYED', { headers: { 'retry-after': retryAfter(wait) } });
}

export async function recordLoginFailure(
  db: SqlRunner,
  failure: { id: string; accountId: string | null; email: string; ip: string },
  at: Date,
): Promise<void> {
  await db.query('insert into login_failures (id, email, account_id, ip, failed_at) values ($1, $2, $3, $4, $5)', [
    failure.id,
    failure.email.slice(0, 320),
    failure.accountId,
    failure.ip,
    at,
  ]);
}

export async function clearLoginFailures(db: SqlRunner, accountId: string, ip: string): Promise<void> {
  await db.query('delete from login_failures where account_id = $1 and ip = $2', [accountId, ip]);
}

function retryAfter(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}
