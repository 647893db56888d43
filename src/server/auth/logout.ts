import { withOwnerTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/actor.ts';
import { now } from '../services.ts';
import { revokeSession } from './sessions.ts';

/** Ends the current session. */
export async function logout(actor: Actor): Promise<void> {
  if (!actor.sessionId) return;
  await withOwnerTransaction('logout', async (tx) => {
    await revokeSession(tx, actor.sessionId!, 'logout', now());
    tx.audit({ action: 'auth.logout', targetType: 'account', ...(actor.accountId ? { targetId: actor.accountId } : {}) });
  }, { actor });
}
