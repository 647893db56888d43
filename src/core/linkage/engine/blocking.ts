import type { ComparableRecord } from './comparable.ts';
import type { RecordStatistics } from './record-statistics.ts';

export interface BlockingOptions {
  /** Blocks larger than this are skipped altogether (a key shared by that many records says nothing). */
  maxBlockSize: number;
  /** Blocks up to this size pair all their members (default FULL_BLOCK_SIZE). */
  fullBlockSize?: number;
  /**
   * In a larger block each record meets only its `window` nearest neighbours on each side in the rule's
   * sort order (default WINDOW): the per-record cap on the candidates one key gives. Sorted neighbourhood
   * keeps the work linear where a frequent name (Mohamed, born 1990) makes a block of thousands.
   */
  window?: number;
  /** A shared phone number (N-12) is not a blocking key. */
  statistics: RecordStatistics;
}

/**
 * Measured on generated migrant records (2,000 of seeds 20240401 and 7, and 50,000): all pairs up to 8
 * members and 4 neighbours each side beyond keep pair completeness ≥ 0.97 at 2,000 with about 5 candidate
 * pairs per record, and about 15 at 50,000 — against 16 and 78 when every block up to 200 was paired in full.
 */
export const FULL_BLOCK_SIZE = 8;
export const WINDOW = 4;

export interface BlockingResult {
  /** Candidate pairs as a < b record indices, each once, sorted by a then b. */
  pairsA: Uint32Array;
  pairsB: Uint32Array;
  skippedBlocks: number;
  /** Blocks paired by sorted neighbourhood (larger than fullBlockSize). */
  windowedBlocks: number;
  keysPerRule: Record<string, number>;
}

/** One blocking key of a record, and where the record sorts inside the key's block. */
export interface BlockingEntry {
  key: string;
  sort: string;
}

const pad2 = (value: number | undefined) => (value === undefined ? '00' : value < 10 ? `0${value}` : String(value));

/** Month and day ("0312"; "0000" for a year only; "~" when missing): same-day births sort side by side. */
function monthDay(record: ComparableRecord): string {
  const dob = record.prepared.dob;
  return dob ? pad2(dob.month) + pad2(dob.day) : '~';
}

function fullDate(record: ComparableRecord): string {
  const dob = record.prepared.dob;
  return dob ? String(dob.year) + pad2(dob.month) + pad2(dob.day) : '~';
}

/**
 * N-14 blocking entries of one record: a union of rules, so a pair meets if any rule puts it together.
 * - g, f: first given name (alias class) or family skeleton, with the birth year (a record files under its
 *   year and the next, so a year's difference still meets); also with the fields swapped. Sorted by birth
 *   day then the other name, so in a large block the same person's records (same day, similar name) are
 *   neighbours.
 * - gf: given and family keys without the year, and u: the two name fields as an unordered pair (swaps):
 *   records whose birth dates disagree still meet. Sorted by full birth date.
 * - d: the exact birth date (day precision, not a disguised 1 January), whatever the names: transliterations
 *   the name keys miss. Sorted by the name's consonants.
 * - m: Double Metaphone of the longest token + sex; c: the sorted first consonants of the full name (typos
 *   and reordering). Both loose, so sorted by birth date and windowed once their blocks grow.
 * - p: a personal phone number (N-12); o: each extra (`other=`) column value, sorted by name.
 */
export function blockingEntries(record: ComparableRecord, options: BlockingOptions, otherColumns: readonly string[]): BlockingEntry[] {
  const entries: BlockingEntry[] = [];
  const { name, dob, sex, phone, other } = record.prepared;
  const k = name.keys;
  if (dob) {
    const day = monthDay(record);
    for (const year of [dob.year, dob.year + 1]) {
      if (k.firstGiven) entries.push({ key: `g|${k.firstGiven}|${year}`, sort: `${day}|${k.familySkeleton ?? ''}` });
      if (k.swappedFirstGiven) entries.push({ key: `g|${k.swappedFirstGiven}|${year}`, sort: `${day}|${k.swappedFamilySkeleton ?? ''}` });
      if (k.familySkeleton) entries.push({ key: `f|${k.familySkeleton}|${year}`, sort: `${day}|${k.firstGiven ?? ''}` });
      if (k.swappedFamilySkeleton) entries.push({ key: `f|${k.swappedFamilySkeleton}|${year}`, sort: `${day}|${k.swappedFirstGiven ?? ''}` });
    }
    if (dob.precision === 'day' && !dob.suspiciousJan1) entries.push({ key: `d|${fullDate(record)}`, sort: k.fullNameConsonants ?? '' });
  }
  const date = fullDate(record);
  if (k.firstGiven && k.familySkeleton) entries.push({ key: `gf|${k.firstGiven}|${k.familySkeleton}`, sort: date });
  if (k.swappedFamilySkeleton && k.familySkeleton) {
    const [x, y] = k.swappedFamilySkeleton < k.familySkeleton ? [k.swappedFamilySkeleton, k.familySkeleton] : [k.familySkeleton, k.swappedFamilySkeleton];
    entries.push({ key: `u|${x}|${y}`, sort: date });
  }
  if (k.longestTokenMetaphone) entries.push({ key: `m|${k.longestTokenMetaphone}|${sex ?? ''}`, sort: date });
  if (k.fullNameConsonants) entries.push({ key: `c|${k.fullNameConsonants}`, sort: date });
  if (phone && options.statistics.phoneUse(phone) === 'personal') entries.push({ key: `p|${phone}`, sort: '' });
  const byName = `${k.familySkeleton ?? ''}|${k.firstGiven ?? ''}`;
  for (const column of otherColumns) {
    const value = other[column];
    if (value && value.length >= 3) entries.push({ key: `o|${column}|${value}`, sort: byName });
  }
  return entries;
}

/** The block keys of one record (records sharing a key are candidates, subject to the caps). */
export function blockingKeys(record: ComparableRecord, options: BlockingOptions, otherColumns: readonly string[]): string[] {
  return [...new Set(blockingEntries(record, options, otherColumns).map((entry) => entry.key))];
}

/** Candidate pairs of one block: all of them when small, else each member with its next `window` ones. */
export function blockPairs(members: ArrayLike<number>, fullBlockSize: number, window: number, emit: (x: number, y: number) => void): void {
  const reach = members.length <= fullBlockSize ? members.length : window;
  for (let i = 0; i < members.length; i++) {
    const end = Math.min(members.length, i + 1 + reach);
    for (let j = i + 1; j < end; j++) emit(members[i]!, members[j]!);
  }
}

/** A growable Int32Array (entries and pairs are counted in millions at 1,000,000 records). */
class IntList {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/**
 * Every blocking entry, with its key interned to a small integer: records sharing a key id form a block.
 * Flat arrays grouped by a counting sort replace a Map of growing arrays per key.
 */
interface InternedEntries {
  keyOf: IntList;
  recordOf: IntList;
  /** The entry's sort string (compared only inside windowed blocks). */
  sortOf: string[];
  keyCount: number;
  keysPerRule: Record<string, number>;
}

function internEntries(records: readonly ComparableRecord[], options: BlockingOptions, otherColumns: readonly string[]): InternedEntries {
  const keyIds = new Map<string, number>();
  const sortOf: string[] = [];
  const lastRecordOfKey = new IntList();
  const ruleOfKey: string[] = [];
  const keysPerRule: Record<string, number> = {};
  const keyOf = new IntList();
  const recordOf = new IntList();
  for (let index = 0; index < records.length; index++) {
    for (const { key, sort } of blockingEntries(records[index]!, options, otherColumns)) {
      let keyId = keyIds.get(key);
      if (keyId === undefined) {
        keyId = keyIds.size;
        keyIds.set(key, keyId);
        lastRecordOfKey.push(-1);
        ruleOfKey.push(key.slice(0, key.indexOf('|')));
      } else if (lastRecordOfKey.values[keyId] === index) continue; // filed twice under one key (g swapped): once is enough
      lastRecordOfKey.values[keyId] = index;
      keyOf.push(keyId);
      recordOf.push(index);
      sortOf.push(sort);
      const rule = ruleOfKey[keyId]!;
      keysPerRule[rule] = (keysPerRule[rule] ?? 0) + 1;
    }
  }
  return { keyOf, recordOf, sortOf, keyCount: keyIds.size, keysPerRule };
}

/**
 * Candidate pairs (x < y) as sorted unique columns: pairs bucketed by x (counting sort), each bucket's y
 * values sorted and deduplicated — linear apart from the small per-record sorts.
 */
function sortedUniquePairs(xs: IntList, ys: IntList, n: number): { pairsA: Uint32Array; pairsB: Uint32Array } {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < xs.length; i++) start[xs.values[i]! + 1]!++;
  for (let x = 0; x < n; x++) start[x + 1]! += start[x]!;
  const fill = start.slice(0, n);
  const bucketed = new Uint32Array(xs.length);
  for (let i = 0; i < xs.length; i++) bucketed[fill[xs.values[i]!]!++] = ys.values[i]!;
  let kept = 0;
  const pairsA = new Uint32Array(xs.length);
  const pairsB = new Uint32Array(xs.length);
  for (let x = 0; x < n; x++) {
    const from = start[x]!;
    const to = start[x + 1]!;
    if (from === to) continue;
    if (to - from > 1) bucketed.subarray(from, to).sort();
    for (let i = from; i < to; i++) {
      if (i > from && bucketed[i] === bucketed[i - 1]) continue;
      pairsA[kept] = x;
      pairsB[kept++] = bucketed[i]!;
    }
  }
  return { pairsA: pairsA.slice(0, kept), pairsB: pairsB.slice(0, kept) };
}

/** Candidate pairs from the union of blocking rules, deduplicated. */
export function blockRecords(records: readonly ComparableRecord[], options: BlockingOptions, otherColumns: readonly string[]): BlockingResult {
  const entries = internEntries(records, options, otherColumns);
  const { keyOf, recordOf, sortOf, keyCount } = entries;
  // Entries grouped by key (counting sort keeps record order inside a block).
  const start = new Int32Array(keyCount + 1);
  for (let i = 0; i < keyOf.length; i++) start[keyOf.values[i]! + 1]!++;
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, keyCount);
  const members = new Int32Array(keyOf.length);
  const sorts = new Array<string>(keyOf.length);
  for (let i = 0; i < keyOf.length; i++) {
    const at = fill[keyOf.values[i]!]!++;
    members[at] = recordOf.values[i]!;
    sorts[at] = sortOf[i]!;
  }
  const fullBlockSize = options.fullBlockSize ?? FULL_BLOCK_SIZE;
  const window = options.window ?? WINDOW;
  const xs = new IntList();
  const ys = new IntList();
  const emit = (x: number, y: number) => {
    xs.push(x < y ? x : y);
    ys.push(x < y ? y : x);
  };
  let skippedBlocks = 0;
  let windowedBlocks = 0;
  for (let k = 0; k < keyCount; k++) {
    const from = start[k]!;
    const size = start[k + 1]! - from;
    if (size < 2) continue;
    if (size > options.maxBlockSize) {
      skippedBlocks++;
      continue;
    }
    let block: ArrayLike<number> = members.subarray(from, from + size);
    if (size > fullBlockSize) {
      windowedBlocks++;
      // Sorted by the rule's sort string; ties keep record order, so the result does not depend on the sort.
      const order = Array.from({ length: size }, (_, i) => from + i);
      order.sort((i, j) => (sorts[i]! < sorts[j]! ? -1 : sorts[i]! > sorts[j]! ? 1 : members[i]! - members[j]!));
      const inOrder = order.map((i) => members[i]!);
      block = inOrder;
    }
    blockPairs(block, fullBlockSize, window, emit);
  }
  const { pairsA, pairsB } = sortedUniquePairs(xs, ys, records.length);
  return { pairsA, pairsB, skippedBlocks, windowedBlocks, keysPerRule: entries.keysPerRule };
}
