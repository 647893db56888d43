import { v7 as uuidv7 } from 'uuid';
import type { UserCreate } from '../../../core/schemas/user.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import { findAccountIdByEmail, findUser, type UserRecord } from '../../repositories/users.ts';
import { generatePassword, hashPassword, passwordProblem } from '../../security/passwords.ts';
import { now, settings } from '../../services.ts';
import type { Actor } from '../actor.ts';
import { authorize } from '../authorize.ts';
import { claimCreate } from '../idempotency.ts';

export interface CreatedUser {
  user: UserRecord;
  created: boolean;
  /** The generated password, shown once; null when the administrator chose it or the account existed. */
  initialPassword: string | null;
}

/**
 * Gives a person an account in the actor's organisation. A new account gets the administrator's password
 * or a generated one, and must change it at first sign-in. An existing account (same email, another
 * organisation) only gains a membership: its password is never touched from here.
 */
export async function createUser({ actor, input }: { actor: Actor; input: UserCreate }): Promise<CreatedUser> {
  authorize(actor, 'user.manage');
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, { email: input.email });
    if (problem) throw new AppError('PASSWORD_TOO_WEAK', { details: [{ path: 'password', message: `Password ${problem}.` }] });
  }
  const initialPassword = input.password === undefined ? generatePassword() : null;
  const passwordHash = await hashPassword(input.password ?? initialPassword!, settings().passwordCost);
  const requestId = input.id ?? uuidv7();

  return withTransaction(actor, async (tx) => {
    const at = now();
    const { replay } = await claimCreate(tx, 'user', requestId, { ...input, password: input.password ? '(set)' : null });
    const existingId = await findAccountIdByEmail(tx, input.email);
    if (replay && existingId) {
      const user = await findUser(tx, actor.organisationId, existingId);
      if (user) return { user, created: false, initialPassword: null };
    }
    let accountId = existingId;
    if (accountId) {
      if (await findUser(tx, actor.organisationId, accountId)) {
        throw new AppError('MEMBERSHIP_EXISTS', { details: { email: input.email } });
      }
    } else {
      accountId = requestId;
      await tx.query(
        `insert into accounts (id, email, display_name, locale, password_hash, password_must_change,
           password_changed_at, version, created_at, updated_at)
         values ($1, $2, $3, $4, $5, true, $6, 1, $6, $6)`,
        [accountId, input.email, input.displayName, input.locale ?? 'fr', passwordHash, at],
      );
    }
    await tx.query(
      `insert into memberships (organisation_id, account_id, roles, version, created_at, updated_at)
       values ($1, $2, $3, 1, $4, $4)`,
      [actor.organisationId, accountId, input.roles, at],
    );
    tx.audit({
      action: 'user.created',
      targetType: 'account',
      targetId: accountId,
      payload: { email: input.email, roles: input.roles, newAccount: !existingId },
    });
    const user = (await findUser(tx, actor.organisationId, accountId))!;
    return { user, created: true, initialPassword: existingId ? null : initialPassword };
  });
}
