import { withOwnerTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/actor.ts';
import { AppError } from '../errors/app-error.ts';
import { matchTotp } from '../security/totp.ts';
import { now } from '../services.ts';
import { TOTP_ENROLMENT_TTL_MS } from './policy.ts';
import { generateRecoveryCodes, replaceRecoveryCodes } from './recovery-codes.ts';
import { findSecondFactor, openTotpSecret, sessionAccountId } from './second-factor.ts';

/**
 * Confirms the pending secret with a first correct code, which turns the second factor on and returns the
 * ten recovery codes (shown once). The code's step counts as used, so it cannot also open a session.
 */
export async function enableTotp(actor: Actor, code: string): Promise<{ recoveryCodes: string[] }> {
  const accountId = sessionAccountId(actor);
  const state = await withOwnerTransaction('totp.lookup', (tx) => findSecondFactor(tx, accountId));
  if (!state) throw new AppError('NOT_AUTHENTICATED');
  if (state.enabledAt) throw new AppError('TOTP_ALREADY_ENABLED');
  const at = now();
  const { pendingSecret, pendingCreatedAt } = state;
  if (!pendingSecret || !pendingCreatedAt || at.getTime() - pendingCreatedAt.getTime() > TOTP_ENROLMENT_TTL_MS) {
    throw new AppError('TOTP_ENROLMENT_MISSING');
  }
  const step = matchTotp(code, openTotpSecret(accountId, pendingSecret), at, null);
  if (step === null) throw new AppError('TOTP_INVALID');
  const recoveryCodes = generateRecoveryCodes();

  await withOwnerTransaction('totp.enable', async (tx) => {
    // Only the very secret the code was checked against: a restarted enrolment meanwhile wins.
    const enabled = await tx.query(
      `update accounts set totp_secret = totp_pending_secret, totp_enabled_at = $3, totp_last_step = $4,
         totp_pending_secret = null, totp_pending_created_at = null, version = version + 1, updated_at = $3
       where id = $1 and totp_pending_secret = $2 and totp_enabled_at is null
       returning id`,
      [accountId, pendingSecret, at, step],
    );
    if (!enabled.length) throw new AppError('TOTP_ENROLMENT_MISSING');
    await replaceRecoveryCodes(tx, accountId, recoveryCodes, at);
    tx.audit({ action: 'auth.totp_enabled', targetType: 'account', targetId: accountId, payload: { recoveryCodes: recoveryCodes.length } });
  }, { actor });
  return { recoveryCodes };
}
