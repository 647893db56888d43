import { performance } from 'node:perf_hooks';
import { PERMISSIONS } from '../../src/core/permissions.ts';
import { verifyAuditChains } from '../../src/server/audit/verify.ts';
import { withTransaction } from '../../src/server/db/transaction.ts';
import { SYSTEM_ORGANISATION_ID, systemActor } from '../../src/server/domain/actor.ts';
import { createOrganisation } from '../../src/server/domain/organisations/create-organisation.ts';
import { openInstallation, type Benchmark } from '../support.ts';

const ENTRIES = 20_000;
const BATCH = 500;

/**
 * `sanad audit verify` speed: verifyAuditChains over ~20,000 entries of one organisation's chain on PGlite,
 * half of them with a payload (the payload digest is checked too). Entries are written the way the
 * application writes them: tx.audit inside withTransaction units, sealed at the end of each unit.
 */
export const auditVerifyBenchmark: Benchmark = {
  name: 'audit-verify',
  description: `entries/s of verifyAuditChains over ${ENTRIES} audit entries (PGlite data dir, one chain, half with payloads)`,
  unit: 'entries/s',
  better: 'higher',
  runs: 5,
  async prepare(progress) {
    const installation = await openInstallation();
    const { organisation } = await createOrganisation({
      actor: systemActor(SYSTEM_ORGANISATION_ID, PERMISSIONS),
      input: { kind: 'member', name: 'Association de benchmark', acronym: 'BENCH' },
    });
    const actor = systemActor(organisation.id, PERMISSIONS);
    const started = performance.now();
    for (let written = 0; written < ENTRIES; written += BATCH) {
      await withTransaction(actor, async (tx) => {
        for (let i = written; i < written + BATCH; i++) {
          tx.audit({
            action: 'person.read',
            targetType: 'person',
            targetId: `P-${i}`,
            ...(i % 2 === 0 ? { payload: { purpose: 'case follow-up', resultCount: i % 7 } } : {}),
          });
        }
      });
      if ((written / BATCH) % 10 === 9) progress(`${written + BATCH}/${ENTRIES} entries written`);
    }
    progress(`${ENTRIES} entries written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return {
      async measure() {
        const t0 = performance.now();
        const result = await verifyAuditChains(installation.db);
        const seconds = (performance.now() - t0) / 1000;
        if (!result.ok || result.entries < ENTRIES) throw new Error(`verify failed: ${JSON.stringify(result)}`);
        return result.entries / seconds;
      },
      close: () => installation.close(),
    };
  },
};
