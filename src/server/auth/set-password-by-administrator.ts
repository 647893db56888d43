import { withOwnerTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/actor.ts';
import { now } from '../services.ts';
import { revokeAccountSessions } from './sessions.ts';

/**
 * Stores a password an administrator set (or Sanad generated) for someone who forgot theirs: it must be
 * changed at the next sign-in, and all of the person's sessions end. Runs as the owner because sanad_app
 * may not write password hashes; the caller (domain/users/reset-user-password.ts) checked the permission
 * and the membership, and hashed the password outside any unit.
 */
export async function setPasswordByAdministrator(actor: Actor, accountId: string, passwordHash: string, generated: boolean): Promise<void> {
  await withOwnerTransaction(
    'user.password_reset',
    async (tx) => {
      const at = now();
      await tx.query(
        `update accounts set password_hash = $2, password_must_change = true, password_changed_at = $3,
           version = version + 1, updated_at = $3 where id = $1`,
        [accountId, passwordHash, at],
      );
      const sessionsEnded = await revokeAccountSessions(tx, accountId, 'password_reset', at);
      tx.audit({ action: 'user.password_reset', targetType: 'account', targetId: accountId, payload: { generated, sessionsEnded } });
    },
    { actor },
  );
}

/** How far an account reaches beyond one organisation: active memberships elsewhere, instance administration. */
export async function accountReachBeyond(accountId: string, organisationId: string): Promise<{ membershipsElsewhere: number; instanceAdmin: boolean }> {
  return withOwnerTransaction('user.password_reset.scope', async (tx) => {
    const rows = await tx.query<{ elsewhere: number; instanceAdmin: boolean }>(
      `select (select count(*)::int8 from memberships m
                where m.account_id = a.id and m.organisation_id <> $2 and m.deactivated_at is null) as elsewhere,
              a.instance_admin as "instanceAdmin"
       from accounts a where a.id = $1`,
      [accountId, organisationId],
    );
    return { membershipsElsewhere: rows[0]?.elsewhere ?? 0, instanceAdmin: rows[0]?.instanceAdmin ?? false };
  });
}
