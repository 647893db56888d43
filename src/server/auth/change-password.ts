import { withOwnerTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/actor.ts';
import { AppError } from '../errors/app-error.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../security/passwords.ts';
import { now, settings } from '../services.ts';
import { findAccountById } from './account-queries.ts';
import { revokeAccountSessions } from './sessions.ts';

/** Self-service password change: checks the current password, applies the policy, ends other sessions. */
export async function changeOwnPassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (!actor.accountId) throw new AppError('NOT_AUTHENTICATED');
  const account = await withOwnerTransaction('password.lookup', (tx) => findAccountById(tx, actor.accountId!));
  if (!account) throw new AppError('NOT_AUTHENTICATED');
  if (!(await verifyPassword(input.currentPassword, account.passwordHash))) throw new AppError('PASSWORD_INCORRECT');
  const problem = passwordProblem(input.newPassword, { email: account.email });
  if (problem) throw new AppError('PASSWORD_TOO_WEAK', { details: [{ path: 'newPassword', message: `Password ${problem}.` }] });
  if (input.newPassword === input.currentPassword) {
    throw new AppError('PASSWORD_TOO_WEAK', { details: [{ path: 'newPassword', message: 'Choose a password different from the current one.' }] });
  }
  const hash = await hashPassword(input.newPassword, settings().passwordCost);
  await withOwnerTransaction('password.change', async (tx) => {
    const at = now();
    await tx.query(
      `update accounts set password_hash = $2, password_must_change = false, password_changed_at = $3,
         version = version + 1, updated_at = $3 where id = $1`,
      [account.id, hash, at],
    );
    const ended = await revokeAccountSessions(tx, account.id, 'password_changed', at, {
      ...(actor.sessionId ? { exceptSessionId: actor.sessionId } : {}),
    });
    tx.audit({
      organisationId: actor.organisationId,
      action: 'auth.password_changed',
      targetType: 'account',
      targetId: account.id,
      payload: { otherSessionsEnded: ended },
    });
  }, { actor });
}
