import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCsvRow } from '../../bench/linkage/csv-writer.ts';
import { generateMigrantRecords, MIGRANT_COLUMNS } from '../../bench/linkage/migrant/generate-migrant.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const MAP = 'given=given,family=family,dob=dob,sex=sex,phone=phone,nationality=nationality';
let dir: string;
let small: string;
let large: string;

async function writePeople(path: string, records: number, seed: number, mangle?: (lines: string[]) => void): Promise<void> {
  const { rows } = generateMigrantRecords({ seed, records });
  const lines = rows.map((row) => formatCsvRow(MIGRANT_COLUMNS.map((column) => row[column])));
  mangle?.(lines);
  await writeFile(path, formatCsvRow(MIGRANT_COLUMNS) + lines.join(''));
}

/** A fresh directory for the batch's temporary files (TMPDIR), to see what is left in it. */
async function scratchDir(): Promise<string> {
  return mkdtemp(join(dir, 'tmp-'));
}

/** The batch's workspaces in a TMPDIR (tsx keeps its own cache there too). */
async function workspaces(temporary: string): Promise<string[]> {
  return (await readdir(temporary)).filter((name) => name.startsWith('sanad-dedup-'));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sanad-dedup-streaming-'));
  small = join(dir, 'small.csv');
  await writePeople(small, 800, 3);
  // Large enough (≈ 4 MB) for worker threads and a run of several seconds.
  large = join(dir, 'large.csv');
  await writePeople(large, 40_000, 4);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sanad dedup temporary files', () => {
  it('leaves no temporary file after a successful run, and reports every phase on stderr', async () => {
    const temporary = await scratchDir();
    const { stderr } = await run(process.execPath, ['bin/sanad.js', 'dedup', '--input', small, '--map', MAP, '--output', join(dir, 'out.csv')], { cwd: ROOT, env: { ...process.env, TMPDIR: temporary } });
    for (const phase of ['reading small.csv', 'blocking keys', 'sorting blocks', 'comparing candidate pairs', 'training', 'scoring', 'clustering', 'writing clusters']) expect(stderr).toContain(`${phase}`);
    expect(await workspaces(temporary)).toEqual([]);
  }, 60_000);

  it('removes them, and writes no output, when the input turns out bad half-way', async () => {
    const temporary = await scratchDir();
    const bad = join(dir, 'duplicate-id.csv');
    await writePeople(bad, 800, 5, (lines) => (lines[700] = lines[10]!));
    const output = join(dir, 'never.csv');
    const failure = await run(process.execPath, ['bin/sanad.js', 'dedup', '--input', bad, '--map', MAP, '--output', output], { cwd: ROOT, env: { ...process.env, TMPDIR: temporary } }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    expect((failure as { stderr: string }).stderr).toMatch(/is used on line \d+ and again on line \d+/);
    expect(await workspaces(temporary)).toEqual([]);
    expect((await readdir(dir)).includes('never.csv')).toBe(false);
  }, 60_000);

  it('removes them on Ctrl-C (SIGINT) and exits with 130', async () => {
    const temporary = await scratchDir();
    const output = join(dir, 'interrupted.csv');
    const child = spawn(process.execPath, ['bin/sanad.js', 'dedup', '--input', large, '--map', MAP, '--output', output], { cwd: ROOT, env: { ...process.env, TMPDIR: temporary } });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Interrupt once the batch is under way (its first progress line: the workspace exists by then).
        if (/reading large\.csv: \d+%/.test(stderr)) resolve();
      }),
    );
    expect((await workspaces(temporary)).length).toBe(1);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('interrupted (SIGINT); temporary files removed');
    expect(await workspaces(temporary)).toEqual([]);
    expect((await readdir(dir)).some((name) => name.startsWith('interrupted.csv'))).toBe(false);
  }, 120_000);
});
