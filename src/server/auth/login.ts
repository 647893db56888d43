import { v7 as uuidv7 } from 'uuid';
import { withOwnerTransaction } from '../db/transaction.ts';
import { AppError } from '../errors/app-error.ts';
import { DUMMY_HASH_PASSWORD, hashPassword, verifyPassword } from '../security/passwords.ts';
import { now, settings } from '../services.ts';
import { SYSTEM_ORGANISATION_ID } from '../domain/actor.ts';
import { activeMemberships, findAccountByEmail } from './account-queries.ts';
import { assertMayAttemptLogin, clearLoginFailures, recordLoginFailure } from './login-throttle.ts';
import { createSession, type SessionRecord } from './sessions.ts';

let dummyHash: Promise<string> | null = null;

export interface LoginResult {
  session: SessionRecord;
  sessionToken: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

/**
 * Checks an email and password and opens a session. Every failure answers the same LOGIN_FAILED, costs the
 * same scrypt time and is audited: known accounts in their organisations' chains, unknown emails in the
 * system chain. Hashing runs between the two short units, never inside one.
 */
export async function login(input: { email: string; password: string; ip: string }): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const { account, memberships } = await withOwnerTransaction('login.lookup', async (tx) => {
    const account = await findAccountByEmail(tx, email);
    await assertMayAttemptLogin(tx, { accountId: account?.id ?? null, email, ip: input.ip }, now());
    return { account, memberships: account ? await activeMemberships(tx, account.id) : [] };
  });

  dummyHash ??= hashPassword(DUMMY_HASH_PASSWORD, settings().passwordCost);
  const passwordOk = await verifyPassword(input.password, account?.passwordHash ?? (await dummyHash));
  const usable = account && passwordOk && !account.deactivatedAt && memberships.length > 0;

  const result = await withOwnerTransaction('login.record', async (tx): Promise<LoginResult | null> => {
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
      return null;
    }
    await clearLoginFailures(tx, account.id, input.ip);
    const organisationId = memberships[0]!.organisationId;
    const created = await createSession(tx, account.id, organisationId, at);
    tx.audit({
      organisationId,
      action: 'auth.login',
      targetType: 'account',
      targetId: account.id,
      payload: { ip: input.ip, sessionId: created.session.id },
    });
    return { ...created, mustChangePassword: account.passwordMustChange };
  });
  if (!result) throw new AppError('LOGIN_FAILED');
  return result;
}
