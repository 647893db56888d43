import { explain } from '../model/fellegi-sunter.ts';
import type { RawPersonRecord } from '../record.ts';
import { blockingEntries } from './blocking.ts';
import { toComparable } from './comparable.ts';
import type { LinkResult } from './link-records.ts';
import { prepareRecord, type PrepareOptions } from './prepare-record.ts';

export interface LikelyDuplicate {
  /** The id of the existing record. */
  id: string;
  probability: number;
  /** Per field: the comparison level and its weight (why Sanad thinks it is the same person). */
  explanation: { field: string; level: string; weight: number }[];
}

/** One block of the registry: its members sorted by the rule's sort string. */
interface SortedBlock {
  members: number[];
  sorts: string[];
}

/** Members scored whole when a block is this small; in a larger one, this many neighbours each side. */
const SMALL_BLOCK = 50;
const NEIGHBOURS = 25;

const blockIndexes = new WeakMap<LinkResult, Map<string, SortedBlock>>();

/** Blocking keys → members in sort order, built once per trained result. */
function blockIndex(result: LinkResult): Map<string, SortedBlock> {
  let index = blockIndexes.get(result);
  if (index) return index;
  const built = new Map<string, { member: number; sort: string }[]>();
  result.records.forEach((record, i) => {
    for (const { key, sort } of blockingEntries(record, result.blocking, result.blocking.otherColumns)) {
      const list = built.get(key);
      if (list) list.push({ member: i, sort });
      else built.set(key, [{ member: i, sort }]);
    }
  });
  index = new Map();
  for (const [key, list] of built) {
    list.sort((x, y) => (x.sort < y.sort ? -1 : x.sort > y.sort ? 1 : x.member - y.member));
    index.set(key, { members: list.map((entry) => entry.member), sorts: list.map((entry) => entry.sort) });
  }
  blockIndexes.set(result, index);
  return index;
}

/** The members of a block near `sort`: all of a small block, else a window around where `sort` falls. */
function nearMembers(block: SortedBlock, sort: string): number[] {
  if (block.members.length <= SMALL_BLOCK) return block.members;
  let low = 0;
  let high = block.sorts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (block.sorts[mid]! < sort) low = mid + 1;
    else high = mid;
  }
  return block.members.slice(Math.max(0, low - NEIGHBOURS), low + NEIGHBOURS);
}

/**
 * The registration form's duplicate warning: the existing records most likely to be the same person as
 * `candidate`, best first, each with its explanation. Only records sharing a blocking key are scored — all
 * of a small block, the nearest in the rule's sort order in a large one — so the answer takes milliseconds
 * whatever the size of the registry.
 */
export function findLikelyDuplicates(
  result: LinkResult,
  candidate: RawPersonRecord,
  options: { limit?: number; minProbability?: number } & PrepareOptions = {},
): LikelyDuplicate[] {
  const prepared = toComparable(prepareRecord(candidate, options.reference ? { reference: options.reference } : {}));
  const index = blockIndex(result);
  const candidates = new Set<number>();
  for (const { key, sort } of blockingEntries(prepared, result.blocking, result.blocking.otherColumns)) {
    const block = index.get(key);
    if (!block || block.members.length > result.blocking.maxBlockSize) continue;
    for (const member of nearMembers(block, sort)) candidates.add(member);
  }
  const minProbability = options.minProbability ?? 0.5;
  const found: LikelyDuplicate[] = [];
  for (const i of candidates) {
    const record = result.records[i]!;
    if (record.prepared.raw.id === candidate.id) continue;
    const scored = result.score(prepared, record);
    if (scored.probability < minProbability) continue;
    found.push({ id: record.prepared.raw.id, probability: scored.probability, explanation: explain(result.params, scored.vector, scored.overrides) });
  }
  return found.sort((x, y) => y.probability - x.probability).slice(0, options.limit ?? 10);
}
