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

/** Indices of a block's members, with their sort strings, grown per key. */
interface Block {
  members: number[];
  sorts: string[];
}

/** Candidate pairs of one block: all of them when small, else each member with its next `window` ones. */
export function blockPairs(members: readonly number[], fullBlockSize: number, window: number, emit: (x: number, y: number) => void): void {
  const reach = members.length <= fullBlockSize ? members.length : window;
  for (let i = 0; i < members.length; i++) {
    const end = Math.min(members.length, i + 1 + reach);
    for (let j = i + 1; j < end; j++) emit(members[i]!, members[j]!);
  }
}

/** Growable array of pair codes (a · n + b, exact in a double up to 2^53). */
class PairCodes {
  #codes = new Float64Array(1024);
  length = 0;

  push(code: number): void {
    if (this.length === this.#codes.length) {
      const grown = new Float64Array(this.#codes.length * 2);
      grown.set(this.#codes);
      this.#codes = grown;
    }
    this.#codes[this.length++] = code;
  }

  sortedUnique(): Float64Array {
    const codes = this.#codes.subarray(0, this.length).sort();
    let kept = 0;
    for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[kept - 1]) codes[kept++] = codes[i]!;
    return codes.subarray(0, kept);
  }
}

/** Candidate pairs from the union of blocking rules, deduplicated. */
export function blockRecords(records: readonly ComparableRecord[], options: BlockingOptions, otherColumns: readonly string[]): BlockingResult {
  const blocks = new Map<string, Block>();
  const keysPerRule: Record<string, number> = {};
  records.forEach((record, index) => {
    for (const { key, sort } of blockingEntries(record, options, otherColumns)) {
      const block = blocks.get(key);
      if (block) {
        // A record files twice under one key (g with its swapped form): once is enough.
        if (block.members[block.members.length - 1] === index) continue;
        block.members.push(index);
        block.sorts.push(sort);
      } else blocks.set(key, { members: [index], sorts: [sort] });
      const rule = key.slice(0, key.indexOf('|'));
      keysPerRule[rule] = (keysPerRule[rule] ?? 0) + 1;
    }
  });
  const fullBlockSize = options.fullBlockSize ?? FULL_BLOCK_SIZE;
  const window = options.window ?? WINDOW;
  const n = records.length;
  const codes = new PairCodes();
  const emit = (x: number, y: number) => codes.push(x < y ? x * n + y : y * n + x);
  let skippedBlocks = 0;
  let windowedBlocks = 0;
  for (const block of blocks.values()) {
    const size = block.members.length;
    if (size < 2) continue;
    if (size > options.maxBlockSize) {
      skippedBlocks++;
      continue;
    }
    let members = block.members;
    if (size > fullBlockSize) {
      windowedBlocks++;
      const order = members.map((_, i) => i);
      const sorts = block.sorts;
      // Ties keep record order, so the result does not depend on the sort's stability or the Map's order.
      order.sort((i, j) => (sorts[i]! < sorts[j]! ? -1 : sorts[i]! > sorts[j]! ? 1 : members[i]! - members[j]!));
      members = order.map((i) => block.members[i]!);
    }
    blockPairs(members, fullBlockSize, window, emit);
  }
  const unique = codes.sortedUnique();
  const pairsA = new Uint32Array(unique.length);
  const pairsB = new Uint32Array(unique.length);
  for (let i = 0; i < unique.length; i++) {
    const a = Math.floor(unique[i]! / n);
    pairsA[i] = a;
    pairsB[i] = unique[i]! - a * n;
  }
  return { pairsA, pairsB, skippedBlocks, windowedBlocks, keysPerRule };
}
