import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
let input: string;
let entityOf: Map<string, string>;

async function sanad(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/sanad.js', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

function parsePairs(text: string): { header: string; pairs: [string, string, number, string][] } {
  const [header, ...lines] = text.trim().split('\r\n');
  return { header: header!, pairs: lines.map((line) => line.split(',')).map(([a, b, score, fields]) => [a!, b!, Number(score), fields ?? '']) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sanad-dedup-'));
  const { rows } = generateMigrantRecords({ seed: 31, records: 1200 });
  entityOf = new Map(rows.map((row) => [row.id, row.entity_id]));
  input = join(dir, 'people.csv');
  await writeFile(input, formatCsvRow(MIGRANT_COLUMNS) + rows.map((row) => formatCsvRow(MIGRANT_COLUMNS.map((column) => row[column]))).join(''));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sanad dedup', () => {
  it('writes every pair of each cluster (its closure) with scores and agreeing fields, and every scored pair with --candidates', async () => {
    const output = join(dir, 'pairs.csv');
    const candidates = join(dir, 'all.csv');
    const result = await sanad(['dedup', '--input', input, '--map', MAP, '--output', output, '--candidates', candidates]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/1,200 records, [\d,]+ pairs compared, [\d,]+ pairs in/);
    const { header, pairs } = parsePairs(await readFile(output, 'utf8'));
    expect(header).toBe('id_a,id_b,score,agreeing_fields');
    expect(pairs.length).toBeGreaterThan(100);
    // Closure: the pairs form cliques — whenever a~b and b~c are listed, a~c is listed too.
    const linked = new Map<string, Set<string>>();
    for (const [a, b] of pairs) {
      (linked.get(a) ?? linked.set(a, new Set()).get(a)!).add(b);
      (linked.get(b) ?? linked.set(b, new Set()).get(b)!).add(a);
    }
    for (const [a, neighbours] of linked) {
      for (const b of neighbours) for (const c of linked.get(b)!) if (c !== a) expect(neighbours.has(c), `${a}~${b}~${c}`).toBe(true);
    }
    // Mostly the same people (the quality floor is measured elsewhere; this guards the wiring).
    const correct = pairs.filter(([a, b]) => entityOf.get(a) === entityOf.get(b)).length;
    expect(correct / pairs.length).toBeGreaterThan(0.85);
    expect(pairs.every(([, , score, fields]) => score >= 0 && score <= 1 && fields.length > 0)).toBe(true);
    const all = parsePairs(await readFile(candidates, 'utf8')).pairs;
    expect(all.length).toBeGreaterThan(pairs.length);
  }, 60_000);

  it('links two files: only pairs across them, with each file\'s own ids', async () => {
    const text = await readFile(input, 'utf8');
    const [header, ...lines] = text.trim().split('\r\n');
    const first = join(dir, 'first.csv');
    const second = join(dir, 'second.csv');
    await writeFile(first, `${header}\r\n${lines.slice(0, 600).join('\r\n')}\r\n`);
    await writeFile(second, `${header}\r\n${lines.slice(600).join('\r\n')}\r\n`);
    const output = join(dir, 'linked.csv');
    const result = await sanad(['dedup', '--input', first, '--link', second, '--map', MAP, '--output', output]);
    expect(result.code, result.stderr).toBe(0);
    const firstIds = new Set(lines.slice(0, 600).map((line) => line.split(',')[0]));
    const { pairs } = parsePairs(await readFile(output, 'utf8'));
    expect(pairs.length).toBeGreaterThan(10);
    for (const [a, b] of pairs) expect(firstIds.has(a) !== firstIds.has(b), `${a} ${b}`).toBe(true);
  }, 60_000);

  it('answers bad input with a clear message and no output file', async () => {
    const output = join(dir, 'never.csv');
    const semicolons = join(dir, 'semi.csv');
    await writeFile(semicolons, 'nom;prenom\nDiallo;Awa\n');
    const cases: [string[], number, RegExp][] = [
      [['dedup', '--input', semicolons, '--map', 'given=prenom', '--output', output], 1, /semicolon-separated/],
      [['dedup', '--input', input, '--map', 'given=prenom', '--output', output], 1, /no column "prenom"/],
      [['dedup', '--input', input, '--map', 'dob=dob', '--output', output], 2, /at least one name column/],
      [['dedup', '--input', input, '--map', MAP, '--output', output, '--threshold', '2'], 2, /--threshold must be a number between 0 and 1/],
      [['dedup', '--input', input, '--map', MAP], 2, /--output are required/],
    ];
    for (const [args, code, message] of cases) {
      const result = await sanad(args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    await expect(readFile(output)).rejects.toThrow();
  }, 60_000);
});
