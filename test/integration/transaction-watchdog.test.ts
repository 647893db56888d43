import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../src/core/permissions.ts';
import { systemActor } from '../../src/server/domain/actor.ts';
import { withTransaction } from '../../src/server/db/transaction.ts';
import { configureServices } from '../../src/server/services.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { buildOrganisation } from '../harness/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  configureServices({ transactionTimeoutMs: 5_000 });
  await t?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('transaction watchdog', () => {
  it('aborts and rolls back a unit that overruns its limit', async () => {
    const org = await buildOrganisation();
    const actor = systemActor(org.id, PERMISSIONS);
    configureServices({ transactionTimeoutMs: 150 });
    const attempt = withTransaction(actor, async (tx) => {
      await tx.query(
        `insert into idempotency_records (organisation_id, resource_type, resource_id, request_digest, created_at)
         values ($1, 'watchdog', $1, '\\x00', now())`,
        [org.id],
      );
      // The watchdog measures wall time: CPU or I/O inside a unit counts, so a real (short) wait is the test.
      await sleep(300);
      await tx.query('select 1');
    });
    await expect(attempt).rejects.toMatchObject({ code: 'TRANSACTION_TIMEOUT', status: 503 });
    configureServices({ transactionTimeoutMs: 5_000 });
    const rows = await withTransaction(actor, (tx) =>
      tx.query("select 1 from idempotency_records where resource_type = 'watchdog'"),
    );
    expect(rows).toHaveLength(0);
  });

  it('lets units within the limit commit', async () => {
    const org = await buildOrganisation();
    const actor = systemActor(org.id, PERMISSIONS);
    configureServices({ transactionTimeoutMs: 2_000 });
    const value = await withTransaction(actor, async (tx) => (await tx.query<{ n: number }>('select 7::int8 as n'))[0]!.n);
    expect(value).toBe(7);
  });

  it('aborts a unit whose single statement overruns (PostgreSQL cancels it mid-statement)', async () => {
    const org = await buildOrganisation();
    configureServices({ transactionTimeoutMs: 200 });
    const started = Date.now();
    await expect(
      withTransaction(systemActor(org.id, PERMISSIONS), (tx) => tx.query('select pg_sleep(1.5)')),
    ).rejects.toMatchObject({ code: 'TRANSACTION_TIMEOUT' });
    // PGlite runs a statement to its end on the main thread, then the unit is rolled back at commit;
    // PostgreSQL's statement_timeout stops the statement itself.
    if (t.db.engine === 'postgresql') expect(Date.now() - started).toBeLessThan(1_200);
  });
});
