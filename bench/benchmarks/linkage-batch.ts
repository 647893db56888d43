import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Benchmark } from '../support.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const RECORDS = 1_000_000;
const SEED = 7;
const MAP = 'given=given,family=family,dob=dob,sex=sex,phone=phone,nationality=nationality';
/** Generated once and kept between runs (generation takes about half a minute): a fixed name per size and seed. */
const DATA_DIR = join(tmpdir(), 'sanad-bench-linkage-batch');

interface Usage {
  seconds: number;
  peakHeapBytes: number;
  peakRssBytes: number;
}

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
    mkdirSync(DATA_DIR, { recursive: true });
    const input = join(DATA_DIR, `migrant-${SEED}-${RECORDS}.csv`);
    if (!existsSync(input)) {
      progress(`generating ${RECORDS.toLocaleString('en')} records into ${input}`);
      await run(process.execPath, ['bin/run-ts.js', 'bench/linkage/generate.ts', '--kind', 'migrant', '--seed', String(SEED), '--records', String(RECORDS), '--out', input], { cwd: ROOT });
    }
    progress(`input ${(statSync(input).size / 2 ** 20).toFixed(0)} MiB`);
    let last: (Usage & { summary: string }) | null = null;
    return {
      async measure() {
        const output = join(DATA_DIR, 'pairs.csv');
        const { stdout, stderr } = await run(
          process.execPath,
          ['--max-old-space-size=192', 'bin/run-ts.js', 'src/server/linkage/batch/run-dedup-for-test.ts', '--input', input, '--map', MAP, '--output', output],
          { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
        );
        const usage = JSON.parse(stdout) as Usage;
        // The phase summaries ("<phase>: N records in S s") and the final line, for the log.
        const summaries = stderr.split('\n').filter((line) => / in [\d.]+ s/.test(line) && !/\d+% /.test(line));
        for (const line of summaries) progress(line);
        last = { ...usage, summary: summaries.at(-1) ?? '' };
        progress(`peak heap ${(usage.peakHeapBytes / 2 ** 20).toFixed(0)} MiB, peak RSS ${(usage.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);
        return RECORDS / usage.seconds;
      },
      details() {
        return last
          ? { records: RECORDS, seconds: last.seconds, peakHeapMiB: Math.round(last.peakHeapBytes / 2 ** 20), peakRssMiB: Math.round(last.peakRssBytes / 2 ** 20), summary: last.summary }
          : {};
      },
      async close() {},
    };
  },
};
