import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const directory = mkdtempSync(join(tmpdir(), 'sanad-linkage-large-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const GENERATED_RECORDS = 100_000;
const COPIES = 5;

/**
 * A 50+ MB file from the bench/linkage generator: 100,000 generated records (~11 MB, 1–2 s), written five
 * times with the ids made unique per copy. Generating all 500,000 would take ~6 s of the ~10 s this file may use.
 */
async function generateLargeFile(): Promise<string> {
  const seed = join(directory, 'seed.csv');
  await run(process.execPath, ['bin/run-ts.js', 'bench/linkage/generate.ts', '--kind', 'migrant', '--seed', '11', '--records', String(GENERATED_RECORDS), '--out', seed], { cwd: ROOT });
  const [header, ...rows] = readFileSync(seed, 'utf8').trimEnd().split('\r\n');
  const large = join(directory, 'large.csv');
  writeFileSync(large, `${header}\r\n`);
  for (let copy = 0; copy < COPIES; copy++) appendFileSync(large, `${rows.map((row) => `c${copy}-${row}`).join('\r\n')}\r\n`);
  return large;
}

describe('openRecordStream on a 50 MB file', () => {
  it('streams it under --max-old-space-size=192 with progress on stderr', async () => {
    const file = await generateLargeFile();
    expect(statSync(file).size).toBeGreaterThan(50_000_000);
    const { stdout, stderr } = await run(
      process.execPath,
      ['--max-old-space-size=192', 'bin/run-ts.js', 'src/server/linkage/csv/read-file-for-test.ts', file, 'given=given,family=family,dob=dob,sex=sex,phone=phone,nationality=nationality,other=organisation,origin'],
      { cwd: ROOT, maxBuffer: 1024 * 1024 },
    );
    const result = JSON.parse(stdout) as { records: number; lastLine: number; peakHeapBytes: number; peakRssBytes: number };
    expect(result.records).toBe(GENERATED_RECORDS * COPIES);
    expect(result.lastLine).toBe(GENERATED_RECORDS * COPIES + 1);
    // The heap holds the id index (for duplicate ids) and little else: far below the 192 MB limit.
    expect(result.peakHeapBytes).toBeLessThan(140 * 2 ** 20);
    // Not a terminal: one plain progress line per 10 %, then the summary.
    const lines = stderr.trimEnd().split('\n');
    expect(lines.filter((line) => /: \d+% [\d,]+ records [\d,]+ records\/s$/.test(line)).length).toBeGreaterThanOrEqual(9);
    expect(lines.at(-1)).toMatch(/: 500,000 records in [\d.]+ s \([\d,]+ records\/s\)$/);
    process.stderr.write(`50 MB read: peak heap ${(result.peakHeapBytes / 2 ** 20).toFixed(0)} MiB, peak RSS ${(result.peakRssBytes / 2 ** 20).toFixed(0)} MiB\n`);
  }, 60_000);
});
