import { resetSecondFactor } from '../../auth/reset-second-factor.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import { findUser } from '../../repositories/users.ts';
import type { Actor } from '../actor.ts';
import { authorize } from '../authorize.ts';

/**
 * An administrator removes a member's second factor and recovery codes (lost phone) and ends their
 * sessions; they sign in with their password and, where required, set up a new app. Not for oneself: that
 * needs the password (POST /me/totp/disable), so a hijacked session cannot strip its own second factor.
 */
export async function resetUserTotp({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  const user = await withTransaction(actor, (tx) => findUser(tx, actor.organisationId, id));
  if (!user) throw new AppError('NOT_FOUND');
  authorize(actor, 'user.manage');
  if (id === actor.accountId) {
    throw new AppError('OPERATION_REFUSED', { message: 'Turn off your own second factor with your password (POST /api/v1/me/totp/disable).' });
  }
  await resetSecondFactor(actor, id);
}
