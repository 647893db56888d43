import type { SqlRunner } from '../db/client.ts';
import type { Role } from '../../core/permissions.ts';

/** Owner-role queries of the authentication module (before any organisation is known). */
export interface AccountWithSecret {
  id: string;
  email: string;
  displayName: string;
  locale: 'fr' | 'ar' | 'en';
  passwordHash: string;
  passwordMustChange: boolean;
  instanceAdmin: boolean;
  deactivatedAt: Date | null;
  /** When the second factor was enabled; null without one (its secret is read only where it is checked). */
  totpEnabledAt: Date | null;
}

export interface ActiveMembership {
  organisationId: string;
  organisationName: string;
  acronym: string | null;
  roles: Role[];
}

export async function findAccountByEmail(db: SqlRunner, email: string): Promise<AccountWithSecret | null> {
  const [row] = await db.query<AccountWithSecret>(
    `select id, email, display_name as "displayName", locale, password_hash as "passwordHash",
            password_must_change as "passwordMustChange", instance_admin as "instanceAdmin",
            deactivated_at as "deactivatedAt", totp_enabled_at as "totpEnabledAt"
     from accounts where lower(email) = lower($1)`,
    [email.trim()],
  );
  return row ?? null;
}

export async function findAccountById(db: SqlRunner, id: string): Promise<AccountWithSecret | null> {
  const [row] = await db.query<AccountWithSecret>(
    `select id, email, display_name as "displayName", locale, password_hash as "passwordHash",
            password_must_change as "passwordMustChange", instance_admin as "instanceAdmin",
            deactivated_at as "deactivatedAt", totp_enabled_at as "totpEnabledAt"
     from accounts where id = $1`,
    [id],
  );
  return row ?? null;
}

/** Active memberships in member organisations, oldest first (the default active organisation). */
export async function activeMemberships(db: SqlRunner, accountId: string): Promise<ActiveMembership[]> {
  return db.query<ActiveMembership>(
    `select m.organisation_id as "organisationId", o.name as "organisationName", o.acronym, m.roles
     from memberships m join organisations o on o.id = m.organisation_id
     where m.account_id = $1 and m.deactivated_at is null and o.kind = 'member'
     order by m.created_at, o.name`,
    [accountId],
  );
}
