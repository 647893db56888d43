import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCsvRow } from '../../bench/linkage/csv-writer.ts';
import { generateMigrantRecords, MIGRANT_COLUMNS, type MigrantRow } from '../../bench/linkage/migrant/generate-migrant.ts';
import { CliError } from '../../src/server/cli/cli-error.ts';
import { pprlCommand } from '../../src/server/cli/commands/pprl.ts';
import type { CommandContext } from '../../src/server/cli/context.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const MAP = 'given=given,family=family,dob=dob,sex=sex';
let dir: string;
let secret: string;
let entityOf: Map<string, string>;
let tokensA: string;
let tokensB: string;

async function sanad(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(process.execPath, ['bin/sanad.js', ...args], { cwd: ROOT });
    return { code: 0, stderr };
  } catch (error) {
    const failure = error as { code: number; stderr: string };
    return { code: failure.code, stderr: failure.stderr };
  }
}

/** Runs `sanad pprl …` in this process (fast, for the error cases): resolves, or rejects with the CliError. */
async function pprl(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const ctx = { config: {}, logger: {}, args, readStdin: async () => '', out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) } as unknown as CommandContext;
  await pprlCommand(ctx);
  return lines;
}

const csv = (rows: MigrantRow[]) => formatCsvRow(MIGRANT_COLUMNS) + rows.map((row) => formatCsvRow(MIGRANT_COLUMNS.map((column) => row[column]))).join('');

function parsePairs(text: string): [string, string, number, string][] {
  const [, ...lines] = text.trim().split('\r\n');
  return lines.map((line) => line.split(',')).map(([a, b, score, fields]) => [a!, b!, Number(score), fields ?? '']);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sanad-pprl-'));
  const { rows } = generateMigrantRecords({ seed: 31, records: 800 });
  entityOf = new Map(rows.map((row) => [row.id, row.entity_id]));
  // Two members: the first 400 rows and the rest (people registered by both appear in both).
  await writeFile(join(dir, 'a.csv'), csv(rows.slice(0, 400)));
  await writeFile(join(dir, 'b.csv'), csv(rows.slice(400)));
  secret = join(dir, 'network.key');
  await writeFile(secret, 'a network secret of more than thirty-two bytes, shared by every member\n');
  tokensA = join(dir, 'a.tokens.csv');
  tokensB = join(dir, 'b.tokens.csv');
  await pprl(['encode', '--input', join(dir, 'a.csv'), '--map', MAP, '--secret-file', secret, '--output', tokensA]);
  await pprl(['encode', '--input', join(dir, 'b.csv'), '--map', MAP, '--secret-file', secret, '--output', tokensB]);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sanad pprl', () => {
  it('encodes a CSV into tokens: id, schema version, base64 filter, and no name in clear', async () => {
    const text = await readFile(tokensA, 'utf8');
    const [header, first] = text.split('\r\n');
    expect(header).toBe('id,schema,filter');
    expect(first).toMatch(/^R\d+,sanad-tokens-2,[A-Za-z0-9+/]{171}=$/);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(401);
    const source = await readFile(join(dir, 'a.csv'), 'utf8');
    const someName = source.split('\r\n')[1]!.split(',')[1]!;
    expect(text.toLowerCase()).not.toContain(someName.toLowerCase());
  });

  it('links two members\' tokens end to end (the CLI), writing only pairs across the files, mostly right', async () => {
    const output = join(dir, 'pairs.csv');
    const result = await sanad(['pprl', 'match', '--input', tokensA, '--link', tokensB, '--output', output]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/800 records, [\d,]+ pairs compared, [\d,]+ pairs in/);
    const text = await readFile(output, 'utf8');
    expect(text.startsWith('id_a,id_b,score,agreeing_fields\r\n')).toBe(true);
    const pairs = parsePairs(text);
    expect(pairs.length).toBeGreaterThan(50);
    const ids = (await readFile(tokensA, 'utf8')).split('\r\n').slice(1).map((line) => line.split(',')[0]);
    const inA = new Set(ids);
    expect(pairs.every(([a, b]) => inA.has(a) && !inA.has(b))).toBe(true);
    const right = pairs.filter(([a, b]) => entityOf.get(a) === entityOf.get(b)).length;
    expect(right / pairs.length).toBeGreaterThan(0.9);
    expect(pairs.every(([, , score, fields]) => score > 0 && score <= 1 && fields.length > 0)).toBe(true);
  }, 60_000);

  it('matches one file against itself and honours --threshold', async () => {
    const loose = join(dir, 'loose.csv');
    const strict = join(dir, 'strict.csv');
    await pprl(['match', '--input', tokensA, '--output', loose, '--threshold', '0.2']);
    await pprl(['match', '--input', tokensA, '--output', strict, '--threshold', '0.999']);
    expect(parsePairs(await readFile(loose, 'utf8')).length).toBeGreaterThan(parsePairs(await readFile(strict, 'utf8')).length);
  });

  it('answers a clear error for a missing or short secret file and for phone numbers', async () => {
    const input = join(dir, 'a.csv');
    const out = join(dir, 'x.csv');
    await expect(pprl(['encode', '--input', input, '--map', MAP, '--secret-file', join(dir, 'nope.key'), '--output', out])).rejects.toThrow(/secret file .*does not exist/);
    await writeFile(join(dir, 'short.key'), 'too short\n');
    await expect(pprl(['encode', '--input', input, '--map', MAP, '--secret-file', join(dir, 'short.key'), '--output', out])).rejects.toThrow(/holds 9 bytes; a network secret needs at least 32/);
    await expect(pprl(['encode', '--input', input, '--map', `${MAP},phone=phone`, '--secret-file', secret, '--output', out])).rejects.toThrow(/phone numbers are never encoded/);
    await expect(pprl(['encode', '--input', input, '--map', MAP, '--output', out])).rejects.toThrow(/--secret-file and --output are required/);
    await expect(pprl(['frobnicate'])).rejects.toThrow(CliError);
  });

  it('refuses bad base64, a filter of the wrong length, mixed schema versions and files that are not tokens', async () => {
    const [header, first, second] = (await readFile(tokensA, 'utf8')).split('\r\n') as [string, string, string];
    const write = async (name: string, lines: string[]) => {
      const path = join(dir, name);
      await writeFile(path, `${lines.join('\r\n')}\r\n`);
      return path;
    };
    const match = (input: string) => pprl(['match', '--input', input, '--output', join(dir, 'x.csv')]);
    await expect(match(await write('bad64.csv', [header, first.replace(/,[^,]+$/, ',not*base64!')]))).rejects.toThrow(/line 2: the filter is not base64/);
    await expect(match(await write('short.csv', [header, first.replace(/,[^,]+$/, ',AAAA')]))).rejects.toThrow(/line 2: the filter is 3 bytes long; filters of this schema are 128 bytes/);
    await expect(match(await write('mixed.csv', [header, first, second.replace('sanad-tokens-2', 'sanad-tokens-0')]))).rejects.toThrow(/line 3: unknown schema "sanad-tokens-0"/);
    await expect(match(join(dir, 'a.csv'))).rejects.toThrow(/is not a tokens file/);
    await expect(match(await write('empty.csv', [header]))).rejects.toThrow(/has a header but no records/);
    await expect(pprl(['match', '--input', tokensA, '--output', join(dir, 'x.csv'), '--threshold', '2'])).rejects.toThrow(/--threshold must be a number between 0 and 1/);
  });
});
