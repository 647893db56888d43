import { explain } from '../model/fellegi-sunter.ts';
import type { RawPersonRecord } from '../record.ts';
import { blockingKeys } from './blocking.ts';
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

const blockIndexes = new WeakMap<LinkResult, Map<string, number[]>>();

/** Blocking keys → records, built once per trained result. */
function blockIndex(result: LinkResult): Map<string, number[]> {
  let index = blockIndexes.get(result);
  if (index) return index;
  index = new Map();
  const { otherColumns } = result.blocking;
  result.records.forEach((record, i) => {
    for (const key of new Set(blockingKeys(record, result.blocking, otherColumns))) {
      const list = index!.get(key);
      if (list) list.push(i);
      else index!.set(key, [i]);
    }
  });
  blockIndexes.set(result, index);
  return index;
}

/**
 * The registration form's duplicate warning: the existing records most likely to be the same person as
 * `candidate`, best first, each with its explanation. Only records sharing a blocking key are scored, so
 * the answer takes milliseconds whatever the size of the registry.
 */
export function findLikelyDuplicates(
  result: LinkResult,
  candidate: RawPersonRecord,
  options: { limit?: number; minProbability?: number } & PrepareOptions = {},
): LikelyDuplicate[] {
  const prepared = toComparable(prepareRecord(candidate, options.reference ? { reference: options.reference } : {}));
  const index = blockIndex(result);
  const candidates = new Set<number>();
  for (const key of blockingKeys(prepared, result.blocking, result.blocking.otherColumns)) {
    const members = index.get(key);
    if (!members || members.length > result.blocking.maxBlockSize) continue;
    for (const member of members) candidates.add(member);
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
