import { execFile } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'sanad-dedup-large-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** About 50 MB of generated migrant records (≈ 110 bytes a row). */
const RECORDS = 460_000;
const MAP = 'given=given,family=family,dob=dob,sex=sex,phone=phone,nationality=nationality';
/**
 * Pairwise F1 against the generator's entities. This test is about memory, progress and the closure; quality
 * is guarded at 2,000 records (F1 ≥ 0.93). A larger register has more namesakes (common names, year-only
 * dates), and the model's random-pair prior makes it more cautious as it grows: at 200,000 records F1 is
 * about 0.86, at 1,000,000 about 0.80 (precision 0.85, recall 0.76), so the floor here is lower.
 */
const F1_FLOOR = 0.75;

/** id → entity id, streamed from the generated file (the CSV has no quoted fields in these columns). */
async function entitiesOf(file: string): Promise<Map<string, string>> {
  const entities = new Map<string, string>();
  let header: string[] | null = null;
  for await (const line of createInterface({ input: createReadStream(file) })) {
    const fields = line.split(',');
    if (!header) header = fields;
    else entities.set(fields[0]!, fields[header.indexOf('entity_id')]!);
  }
  return entities;
}

describe('sanad dedup on a 50 MB file', () => {
  it('runs under --max-old-space-size=192 with progress for every phase, and writes closed clusters of the right people', async () => {
    const input = join(directory, 'people.csv');
    const output = join(directory, 'pairs.csv');
    await run(process.execPath, ['bin/run-ts.js', 'bench/linkage/generate.ts', '--kind', 'migrant', '--seed', '5', '--records', String(RECORDS), '--out', input], { cwd: ROOT });
    expect(statSync(input).size).toBeGreaterThan(50_000_000);

    const { stdout, stderr } = await run(
      process.execPath,
      ['--max-old-space-size=192', 'bin/run-ts.js', 'src/server/linkage/batch/run-dedup-for-test.ts', '--input', input, '--map', MAP, '--output', output],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
    const usage = JSON.parse(stdout) as { seconds: number; peakHeapBytes: number; peakRssBytes: number };
    // Not a terminal: each long phase prints its progress lines and a closing summary naming what it counted.
    const units = { 'reading people.csv': 'records', 'blocking keys': 'records', 'sorting blocks': '\\w+', 'comparing candidate pairs': 'pairs', training: 'pairs', scoring: 'pairs', clustering: 'components', 'writing clusters': 'pairs' };
    for (const [phase, unit] of Object.entries(units)) {
      expect(stderr, phase).toMatch(new RegExp(`^${phase}[^\\n]*: [\\d,]+ ${unit} in [\\d.]+ s`, 'm'));
    }
    expect(stderr).toMatch(/^reading people\.csv: \d+% /m);
    expect(stderr).toMatch(new RegExp(`${RECORDS.toLocaleString('en')} records, [\\d,]+ pairs compared, [\\d,]+ pairs in`));
    expect(stderr).not.toMatch(/\n\s+at /);

    const entityOf = await entitiesOf(input);
    const [header, ...lines] = readFileSync(output, 'utf8').trimEnd().split('\r\n');
    expect(header).toBe('id_a,id_b,score,agreeing_fields');
    // Closure: every cluster is listed as a clique — its records, joined by the listed pairs, number k and
    // its pairs k(k-1)/2 (checked by counting, linear in the output).
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      let root = x;
      while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
      parent.set(x, root);
      return root;
    };
    let correct = 0;
    const listed: [string, string][] = [];
    for (const line of lines) {
      const [a, b, score] = line.split(',') as [string, string, string];
      expect(entityOf.has(a) && entityOf.has(b), line).toBe(true);
      expect(Number(score)).toBeGreaterThanOrEqual(0);
      if (!parent.has(a)) parent.set(a, a);
      if (!parent.has(b)) parent.set(b, b);
      const [ra, rb] = [find(a), find(b)];
      if (ra !== rb) parent.set(ra, rb);
      listed.push([a, b]);
      if (entityOf.get(a) === entityOf.get(b)) correct++;
    }
    const records = new Map<string, number>();
    const pairsPerCluster = new Map<string, number>();
    for (const id of parent.keys()) records.set(find(id), (records.get(find(id)) ?? 0) + 1);
    for (const [a] of listed) pairsPerCluster.set(find(a), (pairsPerCluster.get(find(a)) ?? 0) + 1);
    for (const [root, k] of records) expect(pairsPerCluster.get(root), `cluster of ${k} records`).toBe((k * (k - 1)) / 2);

    const entitySizes = new Map<string, number>();
    for (const entity of entityOf.values()) entitySizes.set(entity, (entitySizes.get(entity) ?? 0) + 1);
    let truePairs = 0;
    for (const size of entitySizes.values()) truePairs += (size * (size - 1)) / 2;
    const precision = correct / lines.length;
    const recall = correct / truePairs;
    const f1 = (2 * precision * recall) / (precision + recall);
    process.stderr.write(
      `50 MB dedup: ${RECORDS} records in ${usage.seconds.toFixed(1)} s, peak heap ${(usage.peakHeapBytes / 2 ** 20).toFixed(0)} MiB, ` +
        `peak RSS ${(usage.peakRssBytes / 2 ** 20).toFixed(0)} MiB; precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}, F1 ${f1.toFixed(4)}\n`,
    );
    expect(f1).toBeGreaterThan(F1_FLOOR);
    expect(usage.peakHeapBytes).toBeLessThan(192 * 2 ** 20);
  }, 600_000);
});
