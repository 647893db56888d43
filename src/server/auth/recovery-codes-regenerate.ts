import { withOwnerTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/actor.ts';
import { AppError } from '../errors/app-error.ts';
import { now } from '../services.ts';
import { assertCurrentPassword } from './current-password.ts';
import { generateRecoveryCodes, replaceRecoveryCodes } from './recovery-codes.ts';
import { findSecondFactor, sessionAccountId } from './second-factor.ts';

/** New recovery codes (with the password) replace all the previous ones, used or not; shown once. */
export async function regenerateRecoveryCodes(actor: Actor, currentPassword: string): Promise<{ recoveryCodes: string[] }> {
  const accountId = sessionAccountId(actor);
  const state = await withOwnerTransaction('totp.lookup', (tx) => findSecondFactor(tx, accountId));
  if (!state?.enabledAt) throw new AppError('TOTP_NOT_ENABLED');
  await assertCurrentPassword(accountId, currentPassword);
  const recoveryCodes = generateRecoveryCodes();
  await withOwnerTransaction('totp.recovery_codes', async (tx) => {
    // Locks the account row: codes are never written for a second factor turned off meanwhile.
    const [row] = await tx.query<{ enabledAt: Date | null }>(
      'select totp_enabled_at as "enabledAt" from accounts where id = $1 for update',
      [accountId],
    );
    if (!row?.enabledAt) throw new AppError('TOTP_NOT_ENABLED');
    await replaceRecoveryCodes(tx, accountId, recoveryCodes, now());
    tx.audit({ action: 'auth.recovery_codes_regenerated', targetType: 'account', targetId: accountId, payload: { recoveryCodes: recoveryCodes.length } });
  }, { actor });
  return { recoveryCodes };
}
