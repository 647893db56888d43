import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf } from '../../src/core/permissions.ts';
import { withTransaction } from '../../src/server/db/transaction.ts';
import type { Actor } from '../../src/server/domain/actor.ts';
import { createToken } from '../../src/server/domain/tokens/create-token.ts';
import { actorOf } from '../../src/server/http/authentication.ts';
import { registerJobKind, settled, startJob } from '../../src/server/jobs/runner.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildOrganisation, buildUser, newId, signIn } from '../harness/factories.ts';

/**
 * Issue 2 acceptance: "a raw select through organisation B's request handle returns none of A's rows".
 * No WHERE clause anywhere below: row-level security alone must keep organisations apart, for every table
 * the catalogue says is a tenant table (so new tables are covered without editing this file).
 */
let t: TestApp;
const JOB_KIND = 'test.tenant_isolation';

interface Tenant {
  organisationId: string;
  actor: Actor;
}
let a: Tenant;
let b: Tenant;
let tables: string[];

function userActor(organisationId: string, accountId: string): Actor {
  return { kind: 'user', accountId, organisationId, roles: ['org_admin'], permissions: permissionsOf(['org_admin']), instanceAdmin: false };
}

/** An organisation with a user, a signed-in session, a token (with an idempotency record), a job and audit events. */
async function seedTenant(): Promise<Tenant> {
  const organisation = await buildOrganisation();
  const user = await buildUser({ organisationId: organisation.id });
  await signIn(t.app, user);
  const actor = userActor(organisation.id, user.id);
  await createToken({ actor, input: { id: newId(), name: 'isolation' } });
  const job = await startJob(actor, JOB_KIND, { note: 'isolation' });
  await settled(job.id);
  return { organisationId: organisation.id, actor };
}

beforeAll(async () => {
  t = await startTestApp({
    beforeReady(app) {
      // Test-only route: what a real handler's unit runs as (issue 2 point 10).
      app.get('/api/v1/test/whoami', { schema: { hide: true } }, async (request) => {
        const [row] = await withTransaction(actorOf(request), (tx) =>
          tx.query<{ user: string; organisation: string }>(
            `select current_user as "user", current_setting('sanad.organisation_id', true) as organisation`,
          ),
        );
        return row;
      });
    },
  });
  registerJobKind(JOB_KIND, async () => ({ done: true }));
  a = await seedTenant();
  b = await seedTenant();
  const rows = await t.db.query<{ table_name: string }>(
    `select c.table_name from information_schema.columns c
     join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
     where c.table_schema = 'public' and c.column_name = 'organisation_id' and tb.table_type = 'BASE TABLE'
     order by 1`,
  );
  tables = rows.map((r) => r.table_name);
});
afterAll(async () => t?.close());

describe('tenant isolation through the request handle', () => {
  it('has rows of both organisations in every tenant table (so the checks below are not vacuous)', async () => {
    expect(tables.length).toBeGreaterThanOrEqual(7);
    for (const table of tables) {
      for (const tenant of [a, b]) {
        const [row] = await t.db.query<{ n: number }>(`select count(*)::int8 as n from ${table} where organisation_id = $1`, [
          tenant.organisationId,
        ]);
        expect(row!.n, `${table} rows of ${tenant.organisationId}`).toBeGreaterThan(0);
      }
    }
  });

  it("returns none of A's rows to a raw select through B's handle, in every tenant table", async () => {
    for (const table of tables) {
      // Every column sanad_app may read (column grants keep secrets such as token hashes out of `select *`).
      const columns = await t.db.query<{ column_name: string }>(
        `select column_name from information_schema.column_privileges
         where grantee = 'sanad_app' and privilege_type = 'SELECT' and table_schema = 'public' and table_name = $1`,
        [table],
      );
      const list = columns.map((c) => `"${c.column_name}"`).join(', ');
      const rows = await withTransaction(b.actor, (tx) => tx.query<{ organisation_id: string }>(`select ${list} from ${table}`));
      expect(rows.length, `${table} through B`).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.organisation_id)), `${table} through B`).toEqual(new Set([b.organisationId]));
    }
  });

  it("refuses to insert a row carrying A's organisation_id through B's handle, in every tenant table", async () => {
    for (const table of tables) {
      const [sample] = await t.db.query<{ row: unknown }>(`select row_to_json(x) as row from ${table} x where organisation_id = $1 limit 1`, [
        a.organisationId,
      ]);
      const attempt = withTransaction(b.actor, (tx) =>
        tx.query(`insert into ${table} select * from json_populate_record(null::${table}, $1::json)`, [JSON.stringify(sample!.row)]),
      );
      await expect(attempt, `insert into ${table} through B`).rejects.toMatchObject({ message: expect.stringMatching(/row-level security/) });
    }
  });

  it("changes none of A's rows through B's handle (update matches nothing or is not granted)", async () => {
    for (const table of tables) {
      const outcome = await withTransaction(b.actor, (tx) =>
        tx.query(`update ${table} set organisation_id = organisation_id where organisation_id = $1 returning 1`, [a.organisationId]),
      ).catch((error: { code?: string }) => error.code);
      // 42501: sanad_app may not update this table at all (append-only audit, idempotency records).
      expect([0, '42501'], `update ${table} through B`).toContain(Array.isArray(outcome) ? outcome.length : outcome);
    }
  });

  it('fails closed: as sanad_app with no organisation set, every tenant table looks empty', async () => {
    for (const setting of [null, '']) {
      const counts = await t.db.transaction(async (tx) => {
        await tx.exec('set local role sanad_app');
        if (setting !== null) await tx.exec(`set local sanad.organisation_id = '${setting}'`);
        const result: Record<string, number> = {};
        for (const table of tables) {
          const [row] = await tx.query<{ n: number }>(`select count(*)::int8 as n from ${table}`);
          result[table] = row!.n;
        }
        return result;
      });
      expect(counts, `organisation setting ${JSON.stringify(setting)}`).toEqual(Object.fromEntries(tables.map((n) => [n, 0])));
    }
  });

  it('fails closed on writes too: no organisation set, an insert is refused', async () => {
    const attempt = t.db.transaction(async (tx) => {
      await tx.exec('set local role sanad_app');
      await tx.query(
        `insert into idempotency_records (organisation_id, resource_type, resource_id, request_digest, created_at)
         values ($1, 'probe', $2, '\\x00', now())`,
        [a.organisationId, newId()],
      );
    });
    await expect(attempt).rejects.toMatchObject({ message: expect.stringMatching(/row-level security/) });
  });
});

describe('inside a request handler', () => {
  it("runs as sanad_app with the signed-in user's organisation", async () => {
    for (const organisation of [await buildOrganisation(), await buildOrganisation()]) {
      const user = await buildUser({ organisationId: organisation.id, roles: ['viewer'] });
      const response = await as(t.app, await signIn(t.app, user)).get('/api/v1/test/whoami');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ user: 'sanad_app', organisation: organisation.id });
    }
  });
});
