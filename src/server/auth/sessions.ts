import { v7 as uuidv7 } from 'uuid';
import type { SqlRunner } from '../db/client.ts';
import { hashSecret, newSecret } from '../security/secrets.ts';
import { SESSION_ABSOLUTE_TIMEOUT_MS } from './policy.ts';

/** Session rows (global table, owner role). Only hashes of the cookie and CSRF secrets are stored. */
export interface SessionRecord {
  id: string;
  accountId: string;
  activeOrganisationId: string;
  csrfTokenHash: Uint8Array;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export async function createSession(
  db: SqlRunner,
  accountId: string,
  organisationId: string,
  at: Date,
): Promise<{ session: SessionRecord; sessionToken: string; csrfToken: string }> {
  const sessionToken = newSecret('sess');
  const csrfToken = newSecret('csrf');
  const [session] = await db.query<SessionRecord>(
    `insert into sessions (id, token_hash, csrf_token_hash, account_id, active_organisation_id, created_at,
       last_seen_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $6, $7)
     returning id, account_id as "accountId", active_organisation_id as "activeOrganisationId",
       csrf_token_hash as "csrfTokenHash", created_at as "createdAt", last_seen_at as "lastSeenAt",
       expires_at as "expiresAt", revoked_at as "revokedAt"`,
    [uuidv7(), hashSecret(sessionToken), hashSecret(csrfToken), accountId, organisationId, at,
      new Date(at.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS)],
  );
  return { session: session!, sessionToken, csrfToken };
}

export async function findSessionByToken(db: SqlRunner, token: string): Promise<SessionRecord | null> {
  const [row] = await db.query<SessionRecord>(
    `select id, account_id as "accountId", active_organisation_id as "activeOrganisationId",
       csrf_token_hash as "csrfTokenHash", created_at as "createdAt", last_seen_at as "lastSeenAt",
       expires_at as "expiresAt", revoked_at as "revokedAt"
     from sessions where token_hash = $1`,
    [hashSecret(token)],
  );
  return row ?? null;
}

export async function touchSession(db: SqlRunner, id: string, at: Date): Promise<void> {
  await db.query('update sessions set last_seen_at = $2 where id = $1 and revoked_at is null', [id, at]);
}

export async function setActiveOrganisation(db: SqlRunner, id: string, organisationId: string): Promise<void> {
  await db.query('update sessions set active_organisation_id = $2 where id = $1', [id, organisationId]);
}

export async function revokeSession(db: SqlRunner, id: string, reason: string, at: Date): Promise<void> {
  await db.query('update sessions set revoked_at = $2, revoked_reason = $3 where id = $1 and revoked_at is null', [
    id,
    at,
    reason,
  ]);
}

/** Revokes an account's sessions, optionally only those active in one organisation or all but one. */
export async function revokeAccountSessions(
  db: SqlRunner,
  accountId: string,
  reason: string,
  at: Date,
  options: { organisationId?: string; exceptSessionId?: string } = {},
): Promise<number> {
  const rows = await db.query(
    `update sessions set revoked_at = $2, revoked_reason = $3
     where account_id = $1 and revoked_at is null
       and ($4::uuid is null or active_organisation_id = $4)
       and ($5::uuid is null or id <> $5)
     returning id`,
    [accountId, at, reason, options.organisationId ?? null, options.exceptSessionId ?? null],
  );
  return rows.length;
}
