import { accountReachBeyond, setPasswordByAdministrator } from '../../auth/set-password-by-administrator.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import { findUser } from '../../repositories/users.ts';
import { generatePassword, hashPassword, passwordProblem } from '../../security/passwords.ts';
import { settings } from '../../services.ts';
import type { Actor } from '../actor.ts';
import { authorize } from '../authorize.ts';

/**
 * "Forgot your password? Ask your administrator": an administrator gives a member a new password — their
 * own choice or a generated one, returned once — which the member must change at the next sign-in.
 *
 * An account is global, so the reset is refused when the person also belongs to another organisation
 * (one association's administrator must not take over an account another association relies on) and for
 * instance administrators; an instance administrator may reset anyone but themselves. Not for oneself:
 * that is a password change, which needs the current password.
 */
export async function resetUserPassword({ actor, id, password }: { actor: Actor; id: string; password?: string }): Promise<{ password: string | null }> {
  const user = await withTransaction(actor, (tx) => findUser(tx, actor.organisationId, id));
  if (!user) throw new AppError('NOT_FOUND');
  authorize(actor, 'user.manage');
  if (id === actor.accountId) {
    throw new AppError('OPERATION_REFUSED', { message: 'Change your own password with your current one (POST /api/v1/auth/password).' });
  }
  const reach = await accountReachBeyond(id, actor.organisationId);
  if (!actor.instanceAdmin && (reach.membershipsElsewhere > 0 || reach.instanceAdmin)) {
    throw new AppError('OPERATION_REFUSED', {
      message: 'This account also serves another organisation or the whole instance: ask the instance administrator to reset its password.',
    });
  }
  if (user.deactivatedAt) throw new AppError('OPERATION_REFUSED', { message: 'Reactivate the user before giving them a new password.' });
  if (password !== undefined) {
    const problem = passwordProblem(password, { email: user.email });
    if (problem) throw new AppError('PASSWORD_TOO_WEAK', { details: [{ path: 'password', message: `Password ${problem}.` }] });
  }
  const chosen = password ?? generatePassword();
  const hash = await hashPassword(chosen, settings().passwordCost);
  await setPasswordByAdministrator(actor, id, hash, password === undefined);
  return { password: password === undefined ? chosen : null };
}
