import type { ComparableRecord } from './comparable.ts';
import type { RecordStatistics } from './record-statistics.ts';

export interface BlockingOptions {
  /** Blocks larger than this are skipped (a frequent key says little and costs quadratic work). */
  maxBlockSize: number;
  /** A shared phone number (N-12) is not a blocking key. */
  statistics: RecordStatistics;
}

export interface BlockingResult {
  /** Candidate pairs as a < b record indices, each once. */
  pairsA: Uint32Array;
  pairsB: Uint32Array;
  skippedBlocks: number;
  keysPerRule: Record<string, number>;
}

/**
 * N-14 blocking keys of one record: a union of rules, so a pair meets if any rule puts it together. Keys
 * with the birth year tolerate a year's difference (a record files under its year and the next); keys
 * without the year (name keys, phone, extra columns) let records whose birth dates disagree still meet.
 */
export function blockingKeys(record: ComparableRecord, options: BlockingOptions, otherColumns: readonly string[]): string[] {
  const keys: string[] = [];
  const { name, dob, sex, phone, other } = record.prepared;
  const k = name.keys;
  const years = dob ? [dob.year, dob.year + 1] : [];
  for (const year of years) {
    if (k.firstGiven) keys.push(`g|${k.firstGiven}|${year}`);
    if (k.familySkeleton) keys.push(`f|${k.familySkeleton}|${year}`);
    if (k.swappedFirstGiven) keys.push(`g|${k.swappedFirstGiven}|${year}`);
    if (k.swappedFamilySkeleton) keys.push(`f|${k.swappedFamilySkeleton}|${year}`);
  }
  if (k.longestTokenMetaphone) keys.push(`m|${k.longestTokenMetaphone}|${sex ?? ''}`);
  if (k.fullNameConsonants) keys.push(`c|${k.fullNameConsonants}`);
  if (k.firstGiven && k.familySkeleton) keys.push(`gf|${k.firstGiven}|${k.familySkeleton}`);
  if (phone && options.statistics.phoneUse(phone) === 'personal') keys.push(`p|${phone}`);
  for (const column of otherColumns) {
    const value = other[column];
    if (value && value.length >= 3) keys.push(`o|${column}|${value}`);
  }
  return keys;
}

/** Candidate pairs from the union of blocking rules, deduplicated. */
export function blockRecords(records: readonly ComparableRecord[], options: BlockingOptions, otherColumns: readonly string[]): BlockingResult {
  const blocks = new Map<string, number[]>();
  const keysPerRule: Record<string, number> = {};
  records.forEach((record, index) => {
    for (const key of new Set(blockingKeys(record, options, otherColumns))) {
      const rule = key.slice(0, key.indexOf('|'));
      keysPerRule[rule] = (keysPerRule[rule] ?? 0) + 1;
      const block = blocks.get(key);
      if (block) block.push(index);
      else blocks.set(key, [index]);
    }
  });
  const seen = new Set<number>();
  const a: number[] = [];
  const b: number[] = [];
  let skippedBlocks = 0;
  const n = records.length;
  for (const members of blocks.values()) {
    if (members.length < 2) continue;
    if (members.length > options.maxBlockSize) {
      skippedBlocks++;
      continue;
    }
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const x = Math.min(members[i]!, members[j]!);
        const y = Math.max(members[i]!, members[j]!);
        const id = x * n + y;
        if (seen.has(id)) continue;
        seen.add(id);
        a.push(x);
        b.push(y);
      }
    }
  }
  return { pairsA: Uint32Array.from(a), pairsB: Uint32Array.from(b), skippedBlocks, keysPerRule };
}
