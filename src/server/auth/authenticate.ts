import { timingSafeEqual } from 'node:crypto';
import { permissionsOf, type Role } from '../../core/permissions.ts';
import type { SqlRunner } from '../db/client.ts';
import { withOwnerTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/actor.ts';
import { AppError } from '../errors/app-error.ts';
import { hashSecret } from '../security/secrets.ts';
import { now } from '../services.ts';
import { findAccountById, type AccountWithSecret } from './account-queries.ts';
import { SESSION_IDLE_TIMEOUT_MS, SESSION_TOUCH_INTERVAL_MS } from './policy.ts';
import { findSessionByToken, revokeSession, touchSession } from './sessions.ts';

export interface AuthContext {
  actor: Actor;
  via: 'session' | 'token';
  account: Pick<AccountWithSecret, 'id' | 'email' | 'displayName' | 'locale'>;
  mustChangePassword: boolean;
  /** The account has a second factor. */
  totpEnabled: boolean;
  /** The active organisation requires a second factor of its members. */
  totpRequired: boolean;
  /** A session that may only enrol a second factor (required, not enrolled); never set for API tokens. */
  mustEnrolTotp: boolean;
  sessionId?: string;
  csrfTokenHash?: Uint8Array;
}

/** Resolves a session cookie: checks revocation, the 12 h absolute and 60 min idle limits, and membership. */
export async function authenticateSession(token: string, ip: string): Promise<AuthContext> {
  const outcome = await withOwnerTransaction('auth.session', async (tx) => {
    const at = now();
    const session = await findSessionByToken(tx, token);
    if (!session || session.revokedAt) return { error: 'SESSION_EXPIRED' as const };
    const idle = at.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_TIMEOUT_MS;
    const expired = at.getTime() >= session.expiresAt.getTime();
    if (idle || expired) {
      await revokeSession(tx, session.id, expired ? 'absolute_timeout' : 'idle_timeout', at);
      return { error: 'SESSION_EXPIRED' as const };
    }
    const resolved = await resolveMember(tx, session.accountId, session.activeOrganisationId);
    if (!resolved) {
      await revokeSession(tx, session.id, 'membership_ended', at);
      return { error: 'SESSION_EXPIRED' as const };
    }
    if (at.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) await touchSession(tx, session.id, at);
    return { session, ...resolved };
  });
  if ('error' in outcome) throw new AppError('SESSION_EXPIRED');
  const { session, account, roles, totpRequired } = outcome;
  const totpEnabled = account.totpEnabledAt !== null;
  return {
    actor: buildActor('user', account, session.activeOrganisationId, roles, ip, { sessionId: session.id }),
    via: 'session',
    account,
    mustChangePassword: account.passwordMustChange,
    totpEnabled,
    totpRequired,
    mustEnrolTotp: totpRequired && !totpEnabled,
    sessionId: session.id,
    csrfTokenHash: session.csrfTokenHash,
  };
}

/** Resolves an API token (`Authorization: Bearer sanad_…`). */
export async function authenticateToken(token: string, ip: string): Promise<AuthContext> {
  const outcome = await withOwnerTransaction('auth.token', async (tx) => {
    const [row] = await tx.query<{ id: string; organisationId: string; accountId: string; lastUsedAt: Date | null }>(
      `select id, organisation_id as "organisationId", account_id as "accountId", last_used_at as "lastUsedAt"
       from api_tokens where token_hash = $1 and revoked_at is null`,
      [hashSecret(token)],
    );
    if (!row) return null;
    const resolved = await resolveMember(tx, row.accountId, row.organisationId);
    if (!resolved) return null;
    const at = now();
    if (!row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
      await tx.query('update api_tokens set last_used_at = $3 where organisation_id = $1 and id = $2', [
        row.organisationId,
        row.id,
        at,
      ]);
    }
    return { row, ...resolved };
  });
  if (!outcome) throw new AppError('TOKEN_INVALID');
  const { row, account, roles, totpRequired } = outcome;
  return {
    actor: buildActor('token', account, row.organisationId, roles, ip, { tokenId: row.id }),
    via: 'token',
    account,
    mustChangePassword: false,
    totpEnabled: account.totpEnabledAt !== null,
    totpRequired,
    // A token was created by a signed-in user and is bound to scripts: the organisation's requirement
    // applies to sign-ins, not to tokens.
    mustEnrolTotp: false,
  };
}

/** Whether a presented CSRF token matches the session's. */
export function csrfMatches(presented: string | undefined, expectedHash: Uint8Array | undefined): boolean {
  if (!presented || !expectedHash) return false;
  return timingSafeEqual(hashSecret(presented), Buffer.from(expectedHash));
}

async function resolveMember(
  tx: SqlRunner,
  accountId: string,
  organisationId: string,
): Promise<{ account: AccountWithSecret; roles: Role[]; totpRequired: boolean } | null> {
  const account = await findAccountById(tx, accountId);
  if (!account || account.deactivatedAt) return null;
  const [membership] = await tx.query<{ roles: Role[]; totpRequired: boolean }>(
    `select m.roles, o.totp_required as "totpRequired" from memberships m join organisations o on o.id = m.organisation_id
     where m.organisation_id = $1 and m.account_id = $2 and m.deactivated_at is null and o.kind = 'member'`,
    [organisationId, accountId],
  );
  return membership ? { account, roles: membership.roles, totpRequired: membership.totpRequired } : null;
}

function buildActor(
  kind: 'user' | 'token',
  account: AccountWithSecret,
  organisationId: string,
  roles: Role[],
  ip: string,
  extra: { sessionId?: string; tokenId?: string },
): Actor {
  return {
    kind,
    accountId: account.id,
    organisationId,
    roles,
    permissions: permissionsOf(roles),
    instanceAdmin: account.instanceAdmin,
    ip,
    ...extra,
  };
}
