import { withOwnerTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/actor.ts';
import { AppError } from '../errors/app-error.ts';
import { newTotpSecret, qrCodeSvg, totpUri } from '../security/totp.ts';
import { now } from '../services.ts';
import { findSecondFactor, sealTotpSecret, sessionAccountId } from './second-factor.ts';

export interface TotpEnrolment {
  /** Base32, for typing into an app by hand. */
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

/**
 * Starts (or restarts) setting up an authenticator app: a new secret waits, encrypted, for its first code
 * (`enableTotp`). Nothing changes for sign-in until then.
 */
export async function startTotpEnrolment(actor: Actor): Promise<TotpEnrolment> {
  const accountId = sessionAccountId(actor);
  const secret = newTotpSecret();
  const sealed = sealTotpSecret(accountId, secret);
  const email = await withOwnerTransaction('totp.enrolment', async (tx) => {
    const state = await findSecondFactor(tx, accountId);
    if (!state) throw new AppError('NOT_AUTHENTICATED');
    if (state.enabledAt) throw new AppError('TOTP_ALREADY_ENABLED');
    await tx.query('update accounts set totp_pending_secret = $2, totp_pending_created_at = $3 where id = $1', [accountId, sealed, now()]);
    tx.audit({ action: 'auth.totp_enrolment_started', targetType: 'account', targetId: accountId, payload: { restarted: state.pendingSecret !== null } });
    return state.email;
  }, { actor });
  const otpauthUri = totpUri(secret, email);
  return { secret, otpauthUri, qrSvg: await qrCodeSvg(otpauthUri) };
}
