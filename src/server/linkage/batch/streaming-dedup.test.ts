import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCsvRow } from '../../../../bench/linkage/csv-writer.ts';
import { generateMigrantRecords, MIGRANT_COLUMNS } from '../../../../bench/linkage/migrant/generate-migrant.ts';
import { DEFAULT_THRESHOLD, linkRecords } from '../../../core/linkage/engine/link-records.ts';
import type { RawPersonRecord } from '../../../core/linkage/record.ts';
import { openRecordStream } from '../csv/open-record-stream.ts';
import { parseMapping } from '../csv/parse-mapping.ts';
import { streamingDedup } from './streaming-dedup.ts';

const REFERENCE = new Date('2026-01-01');
const mapping = parseMapping('given=given,family=family,dob=dob,sex=sex,phone=phone,nationality=nationality');
const silent = { write: () => true };
let dir: string;
let input: string;
let raws: RawPersonRecord[];

/** Each record's cluster named by its smallest member, so two clusterings can be compared as partitions. */
function canonical(clusterIds: Int32Array): Int32Array {
  const first = new Map<number, number>();
  return clusterIds.map((cluster, record) => {
    if (!first.has(cluster)) first.set(cluster, record);
    return first.get(cluster)!;
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sanad-streaming-'));
  const { rows } = generateMigrantRecords({ seed: 20240401, records: 2000 });
  input = join(dir, 'people.csv');
  await writeFile(input, formatCsvRow(MIGRANT_COLUMNS) + rows.map((row) => formatCsvRow(MIGRANT_COLUMNS.map((column) => row[column]))).join(''));
  raws = [];
  for await (const { record } of await openRecordStream(input, { mapping })) raws.push(record);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('streamingDedup', () => {
  it('finds the same clusters and candidate pairs as the in-memory linkRecords, with and without worker threads', async () => {
    const memory = linkRecords(raws, { threshold: DEFAULT_THRESHOLD, reference: REFERENCE });
    const expected = canonical(memory.clusterIds);
    expect(new Set(expected).size).toBeLessThan(raws.length * 0.8);
    for (const workers of [0, 2]) {
      const output = join(dir, `pairs-${workers}.csv`);
      const result = await streamingDedup({ input: { path: input, mapping }, output, threshold: DEFAULT_THRESHOLD, otherColumns: [], reference: REFERENCE, workers, progress: silent });
      expect(result.records).toBe(raws.length);
      expect(result.candidatePairs).toBe(memory.stats.candidatePairs);
      expect(result.skippedBlocks).toBe(memory.stats.skippedBlocks);
      expect(result.warnings).toEqual(memory.stats.warnings);
      const differing = [...canonical(result.clusterOf)].filter((cluster, record) => cluster !== expected[record]).length;
      expect(differing, `workers: ${workers}`).toBe(0);
      const lines = (await readFile(output, 'utf8')).trimEnd().split('\r\n');
      let closurePairs = 0;
      const sizes = new Map<number, number>();
      for (const cluster of expected) sizes.set(cluster, (sizes.get(cluster) ?? 0) + 1);
      for (const size of sizes.values()) closurePairs += (size * (size - 1)) / 2;
      expect(lines.length - 1).toBe(closurePairs);
    }
  }, 120_000);
});
