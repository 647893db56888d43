import { performance } from 'node:perf_hooks';
import { findLikelyDuplicates } from '../../src/core/linkage/engine/find-likely-duplicates.ts';
import { linkRecords } from '../../src/core/linkage/engine/link-records.ts';
import { generateMigrantRecords, migrantRowToRawRecord } from '../linkage/migrant/generate-migrant.ts';
import { median, type Benchmark } from '../support.ts';

const REGISTRY = 50_000;
const QUERIES = 500;
const REFERENCE = new Date('2026-01-01');

/**
 * The registration form's duplicate warning: median time of one `findLikelyDuplicates` call against a
 * registry of 50,000 generated migrant records (new registrations drawn from another seed, so most are
 * new people and some are variants of registered ones). The form needs an answer well under 100 ms.
 */
export const linkageDuplicateCheckBenchmark: Benchmark = {
  name: 'linkage-duplicate-check',
  description: `median ms of one duplicate check against a registry of ${REGISTRY.toLocaleString('en')} records`,
  unit: 'ms',
  better: 'lower',
  runs: 3,
  target: 100,
  async prepare(progress) {
    const registry = linkRecords(generateMigrantRecords({ seed: 7, records: REGISTRY }).rows.map(migrantRowToRawRecord), { reference: REFERENCE });
    const queries = generateMigrantRecords({ seed: 99, records: QUERIES }).rows.map(migrantRowToRawRecord);
    progress(`registry of ${REGISTRY} records trained; ${QUERIES} queries`);
    // Warm-up: the block index is built on the first call.
    findLikelyDuplicates(registry, queries[0]!, { reference: REFERENCE });
    return {
      async measure() {
        const times: number[] = [];
        for (const query of queries) {
          const started = performance.now();
          findLikelyDuplicates(registry, query, { reference: REFERENCE });
          times.push(performance.now() - started);
        }
        const sorted = [...times].sort((a, b) => a - b);
        progress(`p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(2)} ms, max ${sorted[sorted.length - 1]!.toFixed(2)} ms`);
        return median(times);
      },
      async close() {},
    };
  },
};
