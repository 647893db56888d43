import type { SqlRunner } from '../db/client.ts';
import type { Actor } from '../domain/actor.ts';
import { AppError } from '../errors/app-error.ts';
import { keyring } from '../services.ts';
import { deleteRecoveryCodes } from './recovery-codes.ts';

/** An account's second factor as the owner role reads it: secrets are keyring ciphertexts. */
export interface SecondFactorState {
  accountId: string;
  email: string;
  secret: string | null;
  enabledAt: Date | null;
  lastStep: number | null;
  pendingSecret: string | null;
  pendingCreatedAt: Date | null;
}

export async function findSecondFactor(db: SqlRunner, accountId: string): Promise<SecondFactorState | null> {
  const [row] = await db.query<SecondFactorState>(
    `select id as "accountId", email, totp_secret as secret, totp_enabled_at as "enabledAt",
            totp_last_step as "lastStep", totp_pending_secret as "pendingSecret",
            totp_pending_created_at as "pendingCreatedAt"
     from accounts where id = $1`,
    [accountId],
  );
  return row ?? null;
}

/**
 * Encrypts a TOTP secret for one account: the account id is the ciphertext's context, so a ciphertext
 * copied onto another account's row does not decrypt.
 */
export function sealTotpSecret(accountId: string, secret: string): string {
  return keyring().encrypt(secret, secretContext(accountId));
}

export function openTotpSecret(accountId: string, ciphertext: string): string {
  return keyring().decrypt(ciphertext, secretContext(accountId));
}

function secretContext(accountId: string): string {
  return `accounts.totp_secret:${accountId}`;
}

/**
 * Removes the second factor (secret, replay counter, pending enrolment and recovery codes). Returns
 * whether one was enabled.
 */
export async function clearSecondFactor(db: SqlRunner, accountId: string, at: Date): Promise<boolean> {
  const [row] = await db.query<{ enabledAt: Date | null; pendingSecret: string | null }>(
    'select totp_enabled_at as "enabledAt", totp_pending_secret as "pendingSecret" from accounts where id = $1 for update',
    [accountId],
  );
  if (row?.enabledAt || row?.pendingSecret) {
    await db.query(
      `update accounts set totp_secret = null, totp_enabled_at = null, totp_last_step = null, totp_pending_secret = null,
         totp_pending_created_at = null, version = version + 1, updated_at = $2
       where id = $1`,
      [accountId, at],
    );
  }
  await deleteRecoveryCodes(db, accountId);
  return Boolean(row?.enabledAt);
}

/** The organisations, among the account's active memberships, that require a second factor. */
export async function organisationsRequiringTotp(
  db: SqlRunner,
  accountId: string,
): Promise<Array<{ id: string; name: string; acronym: string | null }>> {
  return db.query(
    `select o.id, o.name, o.acronym from memberships m join organisations o on o.id = m.organisation_id
     where m.account_id = $1 and m.deactivated_at is null and o.kind = 'member' and o.totp_required
     order by o.name`,
    [accountId],
  );
}

/**
 * The account whose second factor a request manages. Only a signed-in session may: an API token that
 * leaked must not be able to lock its owner out by enrolling a phone the owner does not have.
 */
export function sessionAccountId(actor: Actor): string {
  if (!actor.sessionId || !actor.accountId) {
    throw new AppError('FORBIDDEN', { message: 'The second factor is managed from a signed-in session, not with an API token.' });
  }
  return actor.accountId;
}
