import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../src/core/permissions.ts';
import { verifyAuditChains } from '../../src/server/audit/verify.ts';
import { systemActor } from '../../src/server/domain/actor.ts';
import { auditPersonalDataRead } from '../../src/server/domain/audit/audit-personal-data.ts';
import { withOwnerTransaction, withTransaction } from '../../src/server/db/transaction.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { buildOrganisation } from '../harness/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('audit chain', () => {
  it('stays gap-free and verifiable under concurrent units in one organisation', async () => {
    const org = await buildOrganisation();
    const actor = systemActor(org.id, PERMISSIONS);
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        withTransaction(actor, async (tx) => {
          tx.audit({ action: 'test.write', targetType: 'probe', targetId: String(i), payload: { i } });
          if (i % 3 === 0) tx.audit({ action: 'test.write.second', targetType: 'probe', targetId: String(i) });
        }),
      ),
    );
    const rows = await t.db.query<{ seq: number }>('select seq from audit_events where organisation_id = $1 order by seq', [org.id]);
    // +1: the organisation.created entry is in the system chain, not here.
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(await verifyAuditChains(t.db)).toMatchObject({ ok: true, broken: null });
  });

  it('loses nothing when a unit rolls back: its entries vanish with it and the chain has no hole', async () => {
    const org = await buildOrganisation();
    const actor = systemActor(org.id, PERMISSIONS);
    await withTransaction(actor, async (tx) => tx.audit({ action: 'kept.1' }));
    await expect(
      withTransaction(actor, async (tx) => {
        tx.audit({ action: 'rolled.back' });
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    await withTransaction(actor, async (tx) => tx.audit({ action: 'kept.2' }));
    const rows = await t.db.query<{ seq: number; action: string }>(
      'select seq, action from audit_events where organisation_id = $1 order by seq',
      [org.id],
    );
    expect(rows).toEqual([
      { seq: 1, action: 'kept.1' },
      { seq: 2, action: 'kept.2' },
    ]);
  });

  it('keeps verifying after a payload with personal data is erased, and names a tampered entry', async () => {
    const org = await buildOrganisation();
    const actor = systemActor(org.id, PERMISSIONS);
    await withTransaction(actor, async (tx) => {
      auditPersonalDataRead(tx, { targetType: 'person', targetId: 'p-1', purpose: 'case follow-up' });
      tx.audit({ action: 'person.updated', targetType: 'person', targetId: 'p-1', payload: { givenName: 'Fatoumata' } });
    });
    await withOwnerTransaction('test.erase', (tx) =>
      tx.query("delete from audit_payloads where organisation_id = $1 and payload->>'givenName' = 'Fatoumata'", [org.id]),
    );
    expect((await verifyAuditChains(t.db)).ok).toBe(true);

    const [target] = await t.db.query<{ seq: number; id: string }>(
      "select seq, id from audit_events where organisation_id = $1 and action = 'person.read'",
      [org.id],
    );
    await t.db.query("update audit_events set target_id = 'p-2' where organisation_id = $1 and seq = $2", [org.id, target!.seq]);
    const result = await verifyAuditChains(t.db);
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ organisationId: org.id, seq: target!.seq, id: target!.id });
    await t.db.query("update audit_events set target_id = 'p-1' where organisation_id = $1 and seq = $2", [org.id, target!.seq]);
    expect((await verifyAuditChains(t.db)).ok).toBe(true);
  });

  it('refuses updates and deletes of audit rows by the application role', async () => {
    const org = await buildOrganisation();
    const actor = systemActor(org.id, PERMISSIONS);
    await withTransaction(actor, async (tx) => tx.audit({ action: 'x' }));
    await expect(withTransaction(actor, (tx) => tx.query("update audit_events set action = 'y'"))).rejects.toThrow(/permission denied/);
    await expect(withTransaction(actor, (tx) => tx.query('delete from audit_events'))).rejects.toThrow(/permission denied/);
    await expect(withTransaction(actor, (tx) => tx.query('delete from audit_payloads'))).rejects.toThrow(/permission denied/);
  });
});
