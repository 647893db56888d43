import type { SqlRunner } from '../db/client.ts';
import type { Role } from '../../core/permissions.ts';

/** A user as seen inside one organisation: the global account joined with its membership there. */
export interface UserRecord {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  locale: 'fr' | 'ar' | 'en';
  roles: Role[];
  deactivatedAt: Date | null;
  accountDeactivatedAt: Date | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT = `select a.id, m.organisation_id as "organisationId", a.email, a.display_name as "displayName",
    a.locale, m.roles, m.deactivated_at as "deactivatedAt", a.deactivated_at as "accountDeactivatedAt",
    a.password_must_change as "mustChangePassword", a.totp_enabled_at is not null as "totpEnabled", m.version, m.created_at as "createdAt",
    greatest(m.updated_at, a.updated_at) as "updatedAt"
  from memberships m join accounts a on a.id = m.account_id`;

export async function findUser(db: SqlRunner, organisationId: string, accountId: string): Promise<UserRecord | null> {
  const [row] = await db.query<UserRecord>(`${SELECT} where m.organisation_id = $1 and m.account_id = $2`, [
    organisationId,
    accountId,
  ]);
  return row ?? null;
}

export async function listUsers(
  db: SqlRunner,
  organisationId: string,
  options: { after: (string | number)[] | null; limit: number; active?: boolean },
): Promise<UserRecord[]> {
  const params: unknown[] = [organisationId, options.limit + 1];
  let where = 'm.organisation_id = $1';
  if (options.active !== undefined) where += options.active ? ' and m.deactivated_at is null' : ' and m.deactivated_at is not null';
  if (options.after) {
    params.push(options.after[0], options.after[1]);
    where += ` and (lower(a.email), a.id) > ($3, $4::uuid)`;
  }
  return db.query<UserRecord>(`${SELECT} where ${where} order by lower(a.email), a.id limit $2`, params);
}

export async function findAccountIdByEmail(db: SqlRunner, email: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>('select id from accounts where lower(email) = lower($1)', [email]);
  return row?.id ?? null;
}

export async function countActiveAdmins(db: SqlRunner, organisationId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int8 as n from memberships m join accounts a on a.id = m.account_id
     where m.organisation_id = $1 and m.deactivated_at is null and a.deactivated_at is null
       and 'org_admin' = any(m.roles)`,
    [organisationId],
  );
  return row!.n;
}
