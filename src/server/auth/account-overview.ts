import { withOwnerTransaction } from '../db/transaction.ts';
import { activeMemberships, type ActiveMembership } from './account-queries.ts';
import { countUnusedRecoveryCodes } from './recovery-codes.ts';

/**
 * What `/me` shows beyond the authenticated account: the organisations to switch to and, with a second
 * factor, how many recovery codes are left (null without one). One short owner unit.
 */
export async function accountOverview(
  accountId: string,
  totpEnabled: boolean,
): Promise<{ memberships: ActiveMembership[]; recoveryCodesRemaining: number | null }> {
  return withOwnerTransaction('me.overview', async (tx) => ({
    memberships: await activeMemberships(tx, accountId),
    recoveryCodesRemaining: totpEnabled ? await countUnusedRecoveryCodes(tx, accountId) : null,
  }));
}
