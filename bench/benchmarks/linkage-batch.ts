import { join } from 'node:path';
import { DEDUP_DATA_DIR, generatedMigrantFile, runDedupChild, type DedupChildRun } from '../linkage/dedup-child.ts';
import type { Benchmark } from '../support.ts';

const RECORDS = 1_000_000;
const SEED = 7;

/**
 * `sanad dedup` end to end (the streaming batch: read and prepare, block, compare, train, score, cluster,
 * write the closure) on 1,000,000 generated migrant records, in a child process under
 * --max-old-space-size=192 as a large file must run (issue 4: ≥ 10,000 records/s on this 2-core machine,
 * peak memory reported). Peak heap is the main thread's; peak RSS covers the worker threads and the records
 * held in shared memory too.
 */
export const linkageBatchBenchmark: Benchmark = {
  name: 'linkage-batch',
  description: 'records per second, sanad dedup end to end on 1,000,000 generated migrant records under --max-old-space-size=192',
  unit: 'records/s',
  better: 'higher',
  runs: 1,
  target: 10_000,
  async prepare(progress) {
    const input = await generatedMigrantFile(RECORDS, SEED, progress);
    let last: DedupChildRun | null = null;
    return {
      async measure() {
        last = await runDedupChild(input, join(DEDUP_DATA_DIR, 'pairs.csv'));
        for (const line of last.summaries) progress(line);
        progress(`peak heap ${(last.peakHeapBytes / 2 ** 20).toFixed(0)} MiB, peak RSS ${(last.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);
        return RECORDS / last.seconds;
      },
      details() {
        if (!last) return {};
        return {
          records: RECORDS,
          seconds: last.seconds,
          peakHeapMiB: Math.round(last.peakHeapBytes / 2 ** 20),
          peakRssMiB: Math.round(last.peakRssBytes / 2 ** 20),
          phases: last.summaries.slice(0, -1),
          summary: last.summaries.at(-1) ?? '',
        };
      },
      async close() {},
    };
  },
};
