import { v7 as uuidv7 } from 'uuid';
import { withOwnerTransaction } from '../db/transaction.ts';
import { AppError } from '../errors/app-error.ts';
import { DUMMY_HASH_PASSWORD, hashPassword, verifyPassword } from '../security/passwords.ts';
import { now, settings } from '../services.ts';
import { SYSTEM_ORGANISATION_ID } from '../domain/actor.ts';
import { activeMemberships, findAccountByEmail } from './account-queries.ts';
import { assertMayAttemptLogin, clearLoginFailures, recordLoginFailure } from './login-throttle.ts';
import { checkSecondFactor, presentedSecondFactor } from './login-second-factor.ts';
import { findSecondFactor } from './second-factor.ts';
import { createSession, type SessionRecord } from './sessions.ts';

let dummyHash: Promise<string> | null = null;

export interface LoginResult {
  session: SessionRecord;
  sessionToken: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

export interface LoginInput {
  email: string;
  password: string;
  /** The current code of the account's authenticator app, when it has a second factor. */
  totp?: string | undefined;
  /** One of the account's recovery codes, instead of `totp` (used only when `totp` is absent). */
  recoveryCode?: string | undefined;
  ip: string;
}

/**
 * Checks an email and password (and the second factor of an account that has one) and opens a session.
 * Every password failure answers the same LOGIN_FAILED, costs the same scrypt time and is audited: known
 * accounts in their organisations' chains, unknown emails in the system chain. The second factor is looked
 * at only once the password is right, so a wrong password never tells whether an account has one. A wrong
 * second factor counts as a failed sign-in (delay, lockout); a missing one does not, and clears nothing.
 * Hashing runs between the two short units, never inside one.
 */
export async function login(input: LoginInput): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const { account, memberships, secondFactor } = await withOwnerTransaction('login.lookup', async (tx) => {
    const account = await findAccountByEmail(tx, email);
    await assertMayAttemptLogin(tx, { accountId: account?.id ?? null, email, ip: input.ip }, now());
    return {
      account,
      memberships: account ? await activeMemberships(tx, account.id) : [],
      // Read for every known account, enabled or not, so this unit takes the same time either way.
      secondFactor: account ? await findSecondFactor(tx, account.id) : null,
    };
  });

  dummyHash ??= hashPassword(DUMMY_HASH_PASSWORD, settings().passwordCost);
  const passwordOk = await verifyPassword(input.password, account?.passwordHash ?? (await dummyHash));
  const usable = account && passwordOk && !account.deactivatedAt && memberships.length > 0;
  const presented = usable && secondFactor?.enabledAt ? presentedSecondFactor(input, secondFactor, now()) : null;

  const outcome = await withOwnerTransaction('login.record', async (tx): Promise<LoginResult | { refused: RefusalCode }> => {
    const at = now();
    if (!usable) {
      await recordLoginFailure(tx, { id: uuidv7(), accountId: account?.id ?? null, email, ip: input.ip }, at);
      const chains = account && memberships.length ? memberships.map((m) => m.organisationId) : [SYSTEM_ORGANISATION_ID];
      const reason = !account ? 'unknown_email' : !passwordOk ? 'wrong_password' : account.deactivatedAt ? 'deactivated' : 'no_membership';
      for (const organisationId of chains) {
        tx.audit({
          organisationId,
          action: 'auth.login_failed',
          targetType: 'account',
          ...(account ? { targetId: account.id } : {}),
          payload: { email, ip: input.ip, reason },
        });
      }
      // Commit the failure record and audit entry, then refuse.
      return { refused: 'LOGIN_FAILED' };
    }
    const organisationId = memberships[0]!.organisationId;
    let method: 'totp' | 'recovery_code' | null = null;
    if (presented) {
      const check = await checkSecondFactor(tx, presented, at);
      if (check.result === 'missing') {
        // The password was right: worth a line in the trail, but not a failure (the form asks for the code).
        tx.audit({ organisationId, action: 'auth.totp_required', targetType: 'account', targetId: account.id, payload: { ip: input.ip } });
        return { refused: 'TOTP_REQUIRED' };
      }
      if (check.result === 'wrong') {
        await recordLoginFailure(tx, { id: uuidv7(), accountId: account.id, email, ip: input.ip }, at);
        for (const m of memberships) {
          tx.audit({
            organisationId: m.organisationId,
            action: 'auth.login_failed',
            targetType: 'account',
            targetId: account.id,
            payload: { email, ip: input.ip, reason: check.method === 'recovery_code' ? 'wrong_recovery_code' : 'wrong_totp' },
          });
        }
        return { refused: 'TOTP_INVALID' };
      }
      method = check.method;
      if (check.method === 'recovery_code') {
        tx.audit({
          organisationId,
          action: 'auth.recovery_code_used',
          targetType: 'account',
          targetId: account.id,
          payload: { ip: input.ip, remaining: check.remaining },
        });
      }
    }
    await clearLoginFailures(tx, account.id, input.ip);
    const created = await createSession(tx, account.id, organisationId, at);
    tx.audit({
      organisationId,
      action: 'auth.login',
      targetType: 'account',
      targetId: account.id,
      payload: { ip: input.ip, sessionId: created.session.id, secondFactor: method },
    });
    return { ...created, mustChangePassword: account.passwordMustChange };
  });
  if ('refused' in outcome) throw new AppError(outcome.refused);
  return outcome;
}

type RefusalCode = 'LOGIN_FAILED' | 'TOTP_REQUIRED' | 'TOTP_INVALID';
