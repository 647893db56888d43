import { blockPairs, FULL_BLOCK_SIZE, WINDOW } from '../../../core/linkage/engine/blocking.ts';
import type { ComparableRecord } from '../../../core/linkage/engine/comparable.ts';
import { comparePairInto, type PairComparison } from '../../../core/linkage/engine/pair-comparison.ts';
import { blockBytes, type BlockMembership } from './block-membership.ts';
import { readBlocks, type BlockRange } from './block-file.ts';
import { ComparisonFileWriter } from './comparison-file.ts';
import { PairStatistics, type StatisticsAnswers } from './pair-statistics.ts';
import type { RecordStoreReader } from './record-store.ts';

export interface CompareContext {
  records: RecordStoreReader;
  answers: StatisticsAnswers;
  otherColumns: readonly string[];
  membership: BlockMembership;
  fields: number;
}

/** Decoded records kept per thread (a direct-mapped cache by record index): a record is met in many blocks. */
const CACHE_BITS = 15;

/**
 * Whether a block before the one at `blockOffset` (in key order) already paired records a and b: their lists
 * of blocks are sorted by offset, so a merge finds the shared earlier blocks; a small block pairs all its
 * members, a windowed one only members at most WINDOW apart in its pairing order.
 */
function pairedEarlier(membership: BlockMembership, a: number, b: number, blockOffset: number): boolean {
  const { starts, blockOffsets, positions } = membership;
  let i = starts[a]!;
  let j = starts[b]!;
  const iEnd = starts[a + 1]!;
  const jEnd = starts[b + 1]!;
  while (i < iEnd && j < jEnd) {
    const x = blockOffsets[i]!;
    const y = blockOffsets[j]!;
    if (x >= blockOffset || y >= blockOffset) return false;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      const position = positions[i]!;
      if (position < 0 || Math.abs(position - positions[j]!) <= WINDOW) return true;
      i++;
      j++;
    }
  }
  return false;
}

let identity = new Int32Array(0);
/** [0, 1, …, n - 1] (a view of one growing array). */
function positionsUpTo(n: number): Int32Array {
  if (identity.length < n) identity = Int32Array.from({ length: Math.max(n, 2 * identity.length) }, (_, i) => i);
  return identity.subarray(0, n);
}

/**
 * Compares the candidate pairs of a range of blocks and writes them to `output`. A pair of records can be
 * paired by several blocks; it is compared only in the first of them in key order — the same pairs as the
 * in-memory blocking's global deduplication, each exactly once.
 */
export function compareBlockRange(context: CompareContext, blockFile: string, range: BlockRange, output: string): number {
  const statistics = new PairStatistics(context.answers);
  const cachedIndex = new Int32Array(1 << CACHE_BITS).fill(-1);
  const cachedRecord: (ComparableRecord | undefined)[] = new Array(1 << CACHE_BITS);
  const load = (index: number): ComparableRecord => {
    const slot = index & ((1 << CACHE_BITS) - 1);
    if (cachedIndex[slot] === index) return cachedRecord[slot]!;
    const record = context.records.get(index);
    cachedIndex[slot] = index;
    cachedRecord[slot] = record;
    return record;
  };
  const writer = new ComparisonFileWriter(output, context.fields);
  const comparison: PairComparison = { vector: new Uint8Array(context.fields), givenLog: Number.NaN, familyLog: Number.NaN };
  let blockOffset = range.start;
  for (const block of readBlocks(blockFile, range)) {
    const members = block.members;
    const records = members.map(load);
    // Pairs of positions in the block, in blockPairs' order; each written as (smaller index, larger index).
    blockPairs(positionsUpTo(members.length), FULL_BLOCK_SIZE, WINDOW, (i, j) => {
      const swap = members[i]! > members[j]!;
      const a = members[swap ? j : i]!;
      const b = members[swap ? i : j]!;
      if (pairedEarlier(context.membership, a, b, blockOffset)) return;
      const ra = records[swap ? j : i]!;
      const rb = records[swap ? i : j]!;
      writer.add(a, b, comparePairInto(ra, rb, context.otherColumns, statistics.focus(a, ra, b, rb), comparison));
    });
    blockOffset += blockBytes(block.key, members.length);
  }
  return writer.finish();
}
