import { performance } from 'node:perf_hooks';
import { blockRecords, FULL_BLOCK_SIZE, WINDOW } from '../../src/core/linkage/engine/blocking.ts';
import { toComparable } from '../../src/core/linkage/engine/comparable.ts';
import { prepareRecord } from '../../src/core/linkage/engine/prepare-record.ts';
import { statisticsOf } from '../../src/core/linkage/engine/record-statistics.ts';
import { generateMigrantRecords, migrantRowToRawRecord } from '../linkage/migrant/generate-migrant.ts';
import { MAX_BLOCK_SIZE } from '../../src/core/linkage/engine/link-records.ts';
import type { Benchmark } from '../support.ts';

const REFERENCE = new Date('2026-01-01');
/** The block-size cap linkRecords uses (link-records.ts); blocks above it are skipped. */
/** Set LINKAGE_BLOCKING_1M=1 to also block 1,000,000 records (several minutes and a few GiB of memory). */
const WITH_MILLION = process.env.LINKAGE_BLOCKING_1M === '1';

interface BlockingFigures {
  records: number;
  pairsPerRecord: number;
  completeness: number;
  seconds: number;
  skippedBlocks: number;
}

/** Blocks one generated set and measures candidate pairs per record and pair completeness. */
function measureBlocking(seed: number, records: number): BlockingFigures {
  const rows = generateMigrantRecords({ seed, records }).rows;
  const comparable = rows.map((row) => toComparable(prepareRecord(migrantRowToRawRecord(row), { reference: REFERENCE })));
  const statistics = statisticsOf(comparable);
  const started = performance.now();
  const blocked = blockRecords(comparable, { maxBlockSize: MAX_BLOCK_SIZE, statistics }, []);
  const seconds = (performance.now() - started) / 1000;
  const perEntity = new Map<string, number>();
  for (const row of rows) perEntity.set(row.entity_id, (perEntity.get(row.entity_id) ?? 0) + 1);
  let truePairs = 0;
  for (const count of perEntity.values()) truePairs += (count * (count - 1)) / 2;
  let found = 0;
  for (let i = 0; i < blocked.pairsA.length; i++) if (rows[blocked.pairsA[i]!]!.entity_id === rows[blocked.pairsB[i]!]!.entity_id) found++;
  return { records, pairsPerRecord: blocked.pairsA.length / records, completeness: found / truePairs, seconds, skippedBlocks: blocked.skippedBlocks };
}

const describe = (label: string, f: BlockingFigures) =>
  `${label}: ${f.pairsPerRecord.toFixed(2)} candidate pairs per record (${Math.round(f.pairsPerRecord * f.records).toLocaleString('en')}), ` +
  `pair completeness ${f.completeness.toFixed(4)}, blocking ${f.seconds.toFixed(2)} s, ${f.skippedBlocks} blocks over the cap skipped`;

/**
 * N-14 blocking on generated migrant records: candidate pairs per record at 50,000 (the figure; lower is
 * better) with pair completeness, and the same on the 2,000-record quality seeds. Configuration: blocks up
 * to FULL_BLOCK_SIZE paired in full, WINDOW neighbours each side beyond, blocks over MAX_BLOCK_SIZE skipped.
 */
export const linkageBlockingBenchmark: Benchmark = {
  name: 'linkage-blocking',
  description: `candidate pairs per record on 50,000 migrant records (blocks ≤ ${FULL_BLOCK_SIZE} in full, window ${WINDOW}, cap ${MAX_BLOCK_SIZE})`,
  unit: 'pairs/record',
  better: 'lower',
  runs: 1,
  async prepare(progress) {
    return {
      async measure() {
        for (const seed of [20240401, 7]) progress(describe(`2,000 records, seed ${seed}`, measureBlocking(seed, 2000)));
        const large = measureBlocking(7, 50_000);
        progress(describe('50,000 records, seed 7', large));
        if (WITH_MILLION) progress(describe('1,000,000 records, seed 7', measureBlocking(7, 1_000_000)));
        return large.pairsPerRecord;
      },
      async close() {},
    };
  },
};
