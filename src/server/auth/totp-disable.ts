import { withOwnerTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/actor.ts';
import { AppError } from '../errors/app-error.ts';
import { now } from '../services.ts';
import { assertCurrentPassword } from './current-password.ts';
import { clearSecondFactor, organisationsRequiringTotp, sessionAccountId } from './second-factor.ts';

/**
 * Turns the user's own second factor off (with their password), unless an organisation they belong to
 * requires one. Also drops a pending enrolment; without a second factor it changes nothing.
 */
export async function disableTotp(actor: Actor, currentPassword: string): Promise<void> {
  const accountId = sessionAccountId(actor);
  const requiredBy = await withOwnerTransaction('totp.requirement', (tx) => organisationsRequiringTotp(tx, accountId));
  if (requiredBy.length) throw new AppError('TOTP_REQUIRED_BY_ORGANISATION', { details: { organisations: requiredBy } });
  await assertCurrentPassword(accountId, currentPassword);
  await withOwnerTransaction('totp.disable', async (tx) => {
    // Checked again in this unit: an organisation may have started requiring it during the password check.
    const requiredNow = await organisationsRequiringTotp(tx, accountId);
    if (requiredNow.length) throw new AppError('TOTP_REQUIRED_BY_ORGANISATION', { details: { organisations: requiredNow } });
    if (await clearSecondFactor(tx, accountId, now())) {
      tx.audit({ action: 'auth.totp_disabled', targetType: 'account', targetId: accountId });
    }
  }, { actor });
}
