import { withOwnerTransaction } from '../db/transaction.ts';
import { now } from '../services.ts';
import { revokeAccountSessions } from './sessions.ts';

/**
 * Ends an account's sessions active in one organisation. Called after a membership is deactivated; even
 * before it runs, every request re-checks the membership, so access has already stopped.
 */
export async function revokeMembershipSessions(accountId: string, organisationId: string, reason: string): Promise<number> {
  return withOwnerTransaction('sessions.revoke', (tx) =>
    revokeAccountSessions(tx, accountId, reason, now(), { organisationId }),
  );
}
