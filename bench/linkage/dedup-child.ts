import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
/** Generated inputs are kept between runs (generation takes a while): one file per size and seed. */
export const DEDUP_DATA_DIR = join(tmpdir(), 'sanad-bench-linkage-batch');
export const MIGRANT_MAP = 'given=given,family=family,dob=dob,sex=sex,phone=phone,nationality=nationality';

/** The generated migrant file of this size and seed, made on first use. */
export async function generatedMigrantFile(records: number, seed: number, progress: (message: string) => void): Promise<string> {
  mkdirSync(DEDUP_DATA_DIR, { recursive: true });
  const input = join(DEDUP_DATA_DIR, `migrant-${seed}-${records}.csv`);
  if (!existsSync(input)) {
    progress(`generating ${records.toLocaleString('en')} records into ${input}`);
    await run(process.execPath, ['bin/run-ts.js', 'bench/linkage/generate.ts', '--kind', 'migrant', '--seed', String(seed), '--records', String(records), '--out', input], { cwd: ROOT });
  }
  progress(`input ${(statSync(input).size / 2 ** 20).toFixed(0)} MiB`);
  return input;
}

export interface DedupChildRun {
  seconds: number;
  peakHeapBytes: number;
  peakRssBytes: number;
  /** The phase summaries ("<phase>: N <unit> in S s") and the final line, as printed. */
  summaries: string[];
}

/**
 * `sanad dedup` in a child process under --max-old-space-size=192, as a large file must run: the time, the
 * main thread's peak heap and the process's peak RSS (worker threads and shared memory included).
 */
export async function runDedupChild(input: string, output: string): Promise<DedupChildRun> {
  const { stdout, stderr } = await run(
    process.execPath,
    ['--max-old-space-size=192', 'bin/run-ts.js', 'src/server/linkage/batch/run-dedup-for-test.ts', '--input', input, '--map', MIGRANT_MAP, '--output', output],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  const usage = JSON.parse(stdout) as Omit<DedupChildRun, 'summaries'>;
  const summaries = stderr.split('\n').filter((line) => / in [\d.]+ s/.test(line) && !/\d+% /.test(line));
  return { ...usage, summaries };
}
