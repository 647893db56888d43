import type { SqlRunner } from '../db/client.ts';
import { matchTotp } from '../security/totp.ts';
import { consumeRecoveryCode } from './recovery-codes.ts';
import { openTotpSecret, type SecondFactorState } from './second-factor.ts';

/** What a sign-in brought for an account with a second factor; the TOTP code is already matched. */
export type PresentedSecondFactor =
  | { kind: 'missing' }
  | { kind: 'totp'; accountId: string; secret: string; step: number | null }
  | { kind: 'recovery_code'; accountId: string; code: string };

export type SecondFactorCheck =
  | { result: 'passed'; method: 'totp' }
  | { result: 'passed'; method: 'recovery_code'; remaining: number }
  | { result: 'missing' }
  | { result: 'wrong'; method: 'totp' | 'recovery_code' };

/**
 * Reads the code of the sign-in form (CPU only: decrypting and three HMACs, run between the units). A TOTP
 * code wins over a recovery code, so a recovery code is spent only when asked for alone.
 */
export function presentedSecondFactor(
  input: { totp?: string | undefined; recoveryCode?: string | undefined },
  state: SecondFactorState,
  at: Date,
): PresentedSecondFactor {
  if (filled(input.totp) && state.secret) {
    const step = matchTotp(input.totp, openTotpSecret(state.accountId, state.secret), at, state.lastStep);
    return { kind: 'totp', accountId: state.accountId, secret: state.secret, step };
  }
  if (filled(input.recoveryCode)) return { kind: 'recovery_code', accountId: state.accountId, code: input.recoveryCode };
  return { kind: 'missing' };
}

/**
 * Settles the second factor inside the recording unit. An accepted TOTP step is claimed with a
 * conditional update, so the same code (or an older one) cannot open a second session, even concurrently;
 * a recovery code is used up.
 */
export async function checkSecondFactor(db: SqlRunner, presented: PresentedSecondFactor, at: Date): Promise<SecondFactorCheck> {
  if (presented.kind === 'missing') return { result: 'missing' };
  if (presented.kind === 'recovery_code') {
    const remaining = await consumeRecoveryCode(db, presented.accountId, presented.code, at);
    return remaining === null ? { result: 'wrong', method: 'recovery_code' } : { result: 'passed', method: 'recovery_code', remaining };
  }
  if (presented.step === null) return { result: 'wrong', method: 'totp' };
  const claimed = await db.query(
    `update accounts set totp_last_step = $2
     where id = $1 and totp_secret = $3 and (totp_last_step is null or totp_last_step < $2)
     returning id`,
    [presented.accountId, presented.step, presented.secret],
  );
  return claimed.length ? { result: 'passed', method: 'totp' } : { result: 'wrong', method: 'totp' };
}

function filled(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
