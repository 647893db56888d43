import { blockingKeys, blockPairs, FULL_BLOCK_SIZE, WINDOW } from '../../../core/linkage/engine/blocking.ts';
import type { ComparableRecord } from '../../../core/linkage/engine/comparable.ts';
import { comparePair } from '../../../core/linkage/engine/pair-comparison.ts';
import { readBlocks, type BlockRange } from './block-file.ts';
import type { WindowedBlocks } from './build-blocks.ts';
import { ComparisonFileWriter } from './comparison-file.ts';
import { PairStatistics, type StatisticsAnswers } from './pair-statistics.ts';
import type { RecordStoreReader } from './record-store.ts';

export interface CompareContext {
  records: RecordStoreReader;
  answers: StatisticsAnswers;
  otherColumns: readonly string[];
  maxBlockSize: number;
  /** Keys whose blocks were too large to compare (skipped, as in the in-memory blocking). */
  oversizedKeys: ReadonlySet<string>;
  windowed: WindowedBlocks;
  fields: number;
}

/** Decoded records with their blocking keys. Neighbouring blocks (the same name, next birth year) share most members. */
const CACHED_RECORDS = 4096;

/** Whether block `key` pairs records a and b (both are members): always for a small block, by distance in a windowed one. */
function blockPairsThem(context: CompareContext, key: string, a: number, b: number): boolean {
  if (context.oversizedKeys.has(key)) return false;
  const range = context.windowed.ranges.get(key);
  if (!range) return true;
  const members = context.windowed.members.subarray(range[0], range[0] + range[1]);
  // blockPairs pairs each member with the next WINDOW ones in the block's order.
  return Math.abs(members.indexOf(a) - members.indexOf(b)) <= WINDOW;
}

/**
 * Compares the candidate pairs of a range of blocks and writes them to `output`. A pair of records can be
 * paired by several blocks; it is compared only in the first of them in key order — the same pairs as the
 * in-memory blocking's global deduplication, each exactly once, decided from the two records' own keys.
 */
export function compareBlockRange(context: CompareContext, blockFile: string, range: BlockRange, output: string): number {
  const statistics = new PairStatistics(context.answers);
  const cache = new Map<number, { record: ComparableRecord; keys: Set<string> }>();
  const load = (index: number) => {
    let entry = cache.get(index);
    if (entry) return entry;
    const record = context.records.get(index);
    const keys = new Set(blockingKeys(record, { maxBlockSize: context.maxBlockSize, statistics: statistics.focus(index, record, index, record) }, context.otherColumns));
    entry = { record, keys };
    if (cache.size >= CACHED_RECORDS) cache.delete(cache.keys().next().value!);
    cache.set(index, entry);
    return entry;
  };
  const pairedEarlier = (a: number, b: number, x: Set<string>, y: Set<string>, key: string) => {
    const [small, large] = x.size <= y.size ? [x, y] : [y, x];
    for (const shared of small) if (shared < key && large.has(shared) && blockPairsThem(context, shared, a, b)) return true;
    return false;
  };
  const writer = new ComparisonFileWriter(output, context.fields);
  for (const block of readBlocks(blockFile, range)) {
    const entries = new Map(block.members.map((member) => [member, load(member)]));
    blockPairs(block.members, FULL_BLOCK_SIZE, WINDOW, (x, y) => {
      const [a, b] = x < y ? [x, y] : [y, x];
      const ea = entries.get(a)!;
      const eb = entries.get(b)!;
      if (pairedEarlier(a, b, ea.keys, eb.keys, block.key)) return;
      writer.add(a, b, comparePair(ea.record, eb.record, context.otherColumns, statistics.focus(a, ea.record, b, eb.record)));
    });
  }
  return writer.finish();
}
