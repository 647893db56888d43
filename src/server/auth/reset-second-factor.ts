import { withOwnerTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/actor.ts';
import { now } from '../services.ts';
import { clearSecondFactor } from './second-factor.ts';
import { revokeAccountSessions } from './sessions.ts';

/**
 * An administrator's reset of someone's second factor (lost phone): removes it and its recovery codes
 * and ends all of the person's sessions, audited in the administrator's organisation. The caller has
 * checked the permission and that the person is a member there (domain/users/reset-user-totp.ts).
 */
export async function resetSecondFactor(actor: Actor, accountId: string): Promise<void> {
  await withOwnerTransaction('totp.reset', async (tx) => {
    const at = now();
    const wasEnabled = await clearSecondFactor(tx, accountId, at);
    const sessionsEnded = await revokeAccountSessions(tx, accountId, 'totp_reset', at);
    tx.audit({ action: 'user.totp_reset', targetType: 'account', targetId: accountId, payload: { wasEnabled, sessionsEnded } });
  }, { actor });
}
