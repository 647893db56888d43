import { performance } from 'node:perf_hooks';
import { linkRecords } from '../../src/core/linkage/engine/link-records.ts';
import { generateMigrantRecords, migrantRowToRawRecord } from '../linkage/migrant/generate-migrant.ts';
import type { Benchmark } from '../support.ts';

const HELD_OUT_SEED = 7;
const REFERENCE = new Date('2026-01-01');

const SPEED_RECORDS = 20_000;

/**
 * End-to-end batch speed on one process: normalise, block, train, score and cluster 20,000 generated migrant
 * records (the target is ≥ 10,000 records/s on 1,000,000; the streaming batch comes later).
 */
export const linkageSpeedBenchmark: Benchmark = {
  name: 'linkage-speed',
  description: 'records per second, end to end (normalise, block, train, score, cluster) on 20,000 migrant records',
  unit: 'records/s',
  better: 'higher',
  runs: 3,
  async prepare(progress) {
    const rows = generateMigrantRecords({ seed: HELD_OUT_SEED, records: SPEED_RECORDS }).rows.map(migrantRowToRawRecord);
    return {
      async measure() {
        const started = performance.now();
        const result = linkRecords(rows, { reference: REFERENCE });
        const seconds = (performance.now() - started) / 1000;
        progress(`${result.stats.candidatePairs.toLocaleString('en')} candidate pairs, peak RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
        return SPEED_RECORDS / seconds;
      },
      async close() {},
    };
  },
};
