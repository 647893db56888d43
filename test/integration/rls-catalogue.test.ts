import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/app.ts';

/**
 * The RLS catalogue (DESIGN §2, issue 2 point 10): read from the database catalogue, never from a list in
 * the code, so a new tenant table without row-level security, a policy that does not fail closed, or a new
 * grant on a global table fails here until someone looks at it.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const APP_ROLE = 'sanad_app';

/**
 * Global (reference) tables sanad_app may write, reviewed one by one. A new grant on a table without
 * `organisation_id` must be added here on purpose, with the reason.
 */
const GLOBAL_WRITE_ALLOWLIST: Record<string, { table?: string[]; columns?: Record<string, string[]> }> = {
  // Organisation administrators record external organisations and edit profiles; the domain checks which.
  organisations: { table: ['INSERT', 'UPDATE'] },
  // Administrators create accounts (never instance administrators) and users edit their name and language.
  accounts: {
    columns: {
      INSERT: ['created_at', 'display_name', 'email', 'id', 'locale', 'password_changed_at', 'password_hash',
        'password_must_change', 'updated_at', 'version'],
      UPDATE: ['display_name', 'locale', 'updated_at', 'version'],
    },
  },
};

const WRITE_PRIVILEGES = ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'];

async function tenantTables(): Promise<string[]> {
  const rows = await t.db.query<{ table_name: string }>(
    `select c.table_name from information_schema.columns c
     join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
     where c.table_schema = 'public' and c.column_name = 'organisation_id' and tb.table_type = 'BASE TABLE'
     order by 1`,
  );
  return rows.map((r) => r.table_name);
}

async function globalTables(): Promise<string[]> {
  const rows = await t.db.query<{ table_name: string }>(
    `select table_name from information_schema.tables tb
     where table_schema = 'public' and table_type = 'BASE TABLE'
       and not exists (select 1 from information_schema.columns c
                       where c.table_schema = tb.table_schema and c.table_name = tb.table_name
                         and c.column_name = 'organisation_id')
     order by 1`,
  );
  return rows.map((r) => r.table_name);
}

describe('row-level security on every tenant table', () => {
  it('finds the tenant tables of the foundation (the catalogue walk is not vacuous)', async () => {
    const tables = await tenantTables();
    expect(tables).toEqual(
      expect.arrayContaining(['memberships', 'api_tokens', 'audit_heads', 'audit_events', 'audit_payloads', 'jobs', 'idempotency_records']),
    );
  });

  it('has RLS enabled and forced (the owner is subject to it too) on each', async () => {
    const rows = await t.db.query<{ relname: string; enabled: boolean; forced: boolean }>(
      `select c.relname, c.relrowsecurity as enabled, c.relforcerowsecurity as forced
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relname = any($1::text[])`,
      [await tenantTables()],
    );
    const missing = rows.filter((r) => !r.enabled || !r.forced).map((r) => r.relname);
    expect(missing, 'tenant tables without enabled + forced RLS').toEqual([]);
    expect(rows.length).toBe((await tenantTables()).length);
  });

  it('has a policy on each, and every permissive policy compares with sanad_current_organisation()', async () => {
    const policies = await t.db.query<{
      tablename: string; policyname: string; permissive: string; roles: string[]; cmd: string; qual: string | null; with_check: string | null;
    }>(`select tablename, policyname, permissive, roles::text[] as roles, cmd, qual, with_check
        from pg_policies where schemaname = 'public'`);
    for (const table of await tenantTables()) {
      const mine = policies.filter((p) => p.tablename === table);
      expect(mine.length, `policies on ${table}`).toBeGreaterThan(0);
      const readable = mine.filter((p) => ['ALL', 'SELECT'].includes(p.cmd) && p.qual?.includes('sanad_current_organisation()'));
      expect(readable.length, `a reading policy on ${table} that uses sanad_current_organisation()`).toBeGreaterThan(0);
      for (const p of mine) {
        // Permissive policies are OR-ed: one without the organisation check would open the whole table.
        if (p.permissive !== 'PERMISSIVE') continue;
        expect(p.roles.some((r) => r === 'public' || r === APP_ROLE), `${table}.${p.policyname} applies to ${APP_ROLE}`).toBe(true);
        if (p.qual !== null) expect(p.qual, `${table}.${p.policyname} USING`).toContain('sanad_current_organisation()');
        if (p.with_check !== null) expect(p.with_check, `${table}.${p.policyname} WITH CHECK`).toContain('sanad_current_organisation()');
      }
    }
  });

  it('fails closed: sanad_current_organisation() is NULL when no organisation is set', async () => {
    const [row] = await t.db.transaction((tx) =>
      tx.query<{ org: string | null; src: string }>(
        `select sanad_current_organisation() as org, p.prosrc as src from pg_proc p where p.proname = 'sanad_current_organisation'`,
      ),
    );
    expect(row?.org).toBeNull();
    expect(row?.src).toContain("nullif(current_setting('sanad.organisation_id', true), '')");
  });

  it('has organisation_id in the primary key of each (Citus distributes by it)', async () => {
    const rows = await t.db.query<{ relname: string; columns: string[] }>(
      `select c.relname, array_agg(a.attname::text order by a.attname) as columns
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
       where n.nspname = 'public' and i.indisprimary and c.relname = any($1::text[])
       group by c.relname`,
      [await tenantTables()],
    );
    const tables = await tenantTables();
    expect(rows.map((r) => r.relname).sort(), 'tenant tables with a primary key').toEqual(tables);
    for (const row of rows) expect(row.columns, `primary key of ${row.relname}`).toContain('organisation_id');
  });
});

describe('the sanad_app role', () => {
  it('exists, is no superuser, cannot bypass RLS and is a member of no other role', async () => {
    const [role] = await t.db.query<{ rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean }>(
      'select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = $1',
      [APP_ROLE],
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
    const memberOf = await t.db.query(
      `select r.rolname from pg_auth_members m join pg_roles r on r.oid = m.roleid
       where m.member = (select oid from pg_roles where rolname = $1)`,
      [APP_ROLE],
    );
    expect(memberOf).toEqual([]);
  });

  it('owns no table, view, sequence or function (an owner bypasses non-forced RLS and may alter)', async () => {
    const owned = await t.db.query(
      `select relname from pg_class where relowner = (select oid from pg_roles where rolname = $1)
       union all
       select proname from pg_proc where proowner = (select oid from pg_roles where rolname = $1)`,
      [APP_ROLE],
    );
    expect(owned).toEqual([]);
  });

  it('writes no global table except the reviewed allowlist', async () => {
    const tables = await globalTables();
    expect(tables).toEqual(expect.arrayContaining(['organisations', 'accounts', 'sessions', 'login_failures']));
    const tableGrants = await t.db.query<{ table_name: string; privilege_type: string }>(
      `select table_name, privilege_type from information_schema.role_table_grants
       where table_schema = 'public' and grantee in ($1, 'PUBLIC') and table_name = any($2::text[])
         and privilege_type = any($3::text[])`,
      [APP_ROLE, tables, WRITE_PRIVILEGES],
    );
    // column_privileges also lists table-level grants, column by column: keep only column-only grants.
    const columnGrants = await t.db.query<{ table_name: string; column_name: string; privilege_type: string }>(
      `select table_name, column_name, privilege_type from information_schema.column_privileges
       where table_schema = 'public' and grantee in ($1, 'PUBLIC') and table_name = any($2::text[])
         and privilege_type = any($3::text[])`,
      [APP_ROLE, tables, WRITE_PRIVILEGES],
    );
    const actual: typeof GLOBAL_WRITE_ALLOWLIST = {};
    for (const g of tableGrants) ((actual[g.table_name] ??= {}).table ??= []).push(g.privilege_type);
    for (const g of columnGrants) {
      if (actual[g.table_name]?.table?.includes(g.privilege_type)) continue;
      const columns = ((actual[g.table_name] ??= {}).columns ??= {});
      (columns[g.privilege_type] ??= []).push(g.column_name);
    }
    for (const entry of Object.values(actual)) {
      entry.table?.sort();
      for (const list of Object.values(entry.columns ?? {})) list.sort();
    }
    expect(actual, 'sanad_app write grants on tables without organisation_id').toEqual(GLOBAL_WRITE_ALLOWLIST);
  });

  it('reads no password hash, session or login failure (the authentication module runs as owner)', async () => {
    const rows = await t.db.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.column_privileges
       where table_schema = 'public' and grantee in ($1, 'PUBLIC') and privilege_type = 'SELECT'
         and (column_name = 'password_hash' or table_name in ('sessions', 'login_failures'))`,
      [APP_ROLE],
    );
    expect(rows).toEqual([]);
  });
});
