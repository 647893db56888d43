import { withOwnerTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/actor.ts';
import { AppError } from '../errors/app-error.ts';
import { activeMemberships } from './account-queries.ts';
import { setActiveOrganisation } from './sessions.ts';

/** Makes another of the user's organisations the active one for this session. */
export async function switchOrganisation(actor: Actor, organisationId: string): Promise<void> {
  if (!actor.sessionId || !actor.accountId) {
    throw new AppError('FORBIDDEN', { message: 'API tokens are bound to one organisation; create a token there.' });
  }
  await withOwnerTransaction('switch-organisation', async (tx) => {
    const memberships = await activeMemberships(tx, actor.accountId!);
    if (!memberships.some((m) => m.organisationId === organisationId)) throw new AppError('NOT_A_MEMBER');
    await setActiveOrganisation(tx, actor.sessionId!, organisationId);
    tx.audit({ organisationId, action: 'auth.organisation_switched', targetType: 'account', targetId: actor.accountId!, payload: { from: actor.organisationId } });
  }, { actor });
}

