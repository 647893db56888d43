import { FIELD_INDEX, FILTER_WORDS, SEGMENT_WORDS } from './segment-dice.ts';
import type { FilterSet } from './token-score.ts';

/**
 * Candidate pairs from the filters alone (no secret, no plaintext): MinHash banding over each name field's
 * bits, then a sorted neighbourhood inside each bucket, so the number of pairs per record is bounded
 * whatever the size of the network.
 *
 * Given and family names are hashed apart (a person whose family name changed still meets on the given
 * name) but in one key space, since both fields share a key: a swapped record meets the other too. Per
 * band, a field's bucket key is a 32-bit hash of its record's birth-year window (names are salted with it:
 * records of different windows cannot be compared on names anyway; undated records share one "no date"
 * window) and `rows` MinHash values of the field's bits. Common names fill large buckets (every Mohamed
 * Diallo of a window): pairing all their members grew with the square of the network (4.9 M pairs for
 * 20,000 records). Instead each bucket is sorted by birth year, then full date, sex and the other name
 * field's signature, and each record is paired with its `neighbours` next records in that order only: the
 * records of one person, which share a name *and* usually a birth date, sit side by side. One more pass
 * buckets records by full birth date alone (for people whose names both changed). So a record gets at most
 * (bands + 1) · neighbours pairs, whatever the size of the network; pairs found twice are kept once.
 *
 * Everything is in typed arrays (signatures, keys, sort order, pair codes): no per-record or per-pair
 * objects; memory grows linearly with the records (8 bytes per pair code before deduplication).
 */
export interface TokenBlockingOptions {
  bands?: number;
  rows?: number;
  /** Records after each record, in a bucket's sort order, that it is paired with (per band). */
  neighbours?: number;
  /** Only pairs for which this is true are kept (linking two files: one record from each). */
  keep?: (a: number, b: number) => boolean;
}

/** Candidate pairs, a < b, sorted by (a, b), each once: pair k is (first[k], second[k]). */
export interface CandidatePairs {
  count: number;
  first: Uint32Array;
  second: Uint32Array;
}

/**
 * Measured on generated networks (held-out seed 7, linkage-pprl-token-blocking benchmark): 3.9 pairs per
 * record and pair completeness 0.855 at 2,000 records, 17.9 and 0.848 at 20,000 (2.6 s), 40.8 and 0.780
 * at 200,000 (53 s): at that size a window holds hundreds of namesakes per common name and the bounded
 * neighbourhood no longer reaches all of one person's records. Bloom-filter bits are dense, so unrelated
 * names share a MinHash value often: 4 rows per band keep buckets small.
 */
export const DEFAULT_BLOCKING = { bands: 16, rows: 4, neighbours: 8 } as const;

const [GIVEN_FROM, GIVEN_TO] = SEGMENT_WORDS[FIELD_INDEX.given]!;
const [FAMILY_FROM] = SEGMENT_WORDS[FIELD_INDEX.family]!;
const NAME_WORDS = GIVEN_TO - GIVEN_FROM;
const WINDOW_WORD = SEGMENT_WORDS[FIELD_INDEX.dobWindow0]![0];
const YEAR_WORD = SEGMENT_WORDS[FIELD_INDEX.dobYear]![0];
const DATE_WORD = SEGMENT_WORDS[FIELD_INDEX.dobDate]![0];
const SEX_WORD = SEGMENT_WORDS[FIELD_INDEX.sex]![0];
/** A prime above the number of name bits (384), for the permutations; also "no bit" in a signature. */
const PRIME = 389;

/** Fixed permutations of the name bit positions (x ↦ (a·x + b) mod 389), the same on every run and member. */
function permutations(count: number): Int32Array {
  const out = new Int32Array(count * 2);
  let state = 0x9e3779b9;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  for (let i = 0; i < count; i++) {
    out[2 * i] = 1 + (next() % (PRIME - 1));
    out[2 * i + 1] = next() % PRIME;
  }
  return out;
}

/**
 * The MinHash signatures of the name fields of every record, `length` values per field: entry 2i is the
 * given name of record i, 2i + 1 its family name. Both fields share a key, so the same name sets the same
 * bits in either field and a swapped record's entries meet the other's. An empty field gets PRIME
 * everywhere (and no bucket).
 */
export function nameSignatures(set: FilterSet, length: number): Uint16Array {
  const perms = permutations(length);
  // Each permutation as a lookup table over the name bit positions (no multiply and modulo per bit).
  const table = new Uint16Array(length * NAME_WORDS * 32);
  for (let j = 0; j < length; j++) for (let p = 0; p < NAME_WORDS * 32; p++) table[j * NAME_WORDS * 32 + p] = (perms[2 * j]! * p + perms[2 * j + 1]!) % PRIME;
  const signatures = new Uint16Array(set.count * 2 * length).fill(PRIME);
  const positions = new Int32Array(NAME_WORDS * 32);
  for (let e = 0; e < set.count * 2; e++) {
    let n = 0;
    const base = (e >>> 1) * FILTER_WORDS + (e & 1 ? FAMILY_FROM : GIVEN_FROM);
    for (let w = 0; w < NAME_WORDS; w++) {
      let bits = set.words[base + w]! >>> 0;
      while (bits) {
        const low = bits & -bits;
        positions[n++] = w * 32 + 31 - Math.clz32(low);
        bits = (bits ^ low) >>> 0;
      }
    }
    for (let j = 0; j < length && n > 0; j++) {
      const base = j * NAME_WORDS * 32;
      let min = PRIME;
      for (let p = 0; p < n; p++) {
        const h = table[base + positions[p]!]!;
        if (h < min) min = h;
      }
      signatures[e * length + j] = min;
    }
  }
  return signatures;
}

/** 32-bit mixing (murmur3's finaliser) of a running hash and one value. */
function mix(h: number, value: number): number {
  h = Math.imul(h ^ value, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  h = Math.imul(h, 0x1b873593);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The bucket key of name entry `e` (2i: given, 2i + 1: family) in `band`: its record's window and the band's MinHash values. */
export function bucketKey(set: FilterSet, signatures: Uint16Array, e: number, band: number, rows: number, length: number): number {
  const i = e >>> 1;
  const window = set.has(i, FIELD_INDEX.dobYear) ? set.words[i * FILTER_WORDS + WINDOW_WORD]! : 0;
  let h = mix(mix(0x811c9dc5, window), band);
  for (let r = 0; r < rows; r++) h = mix(h, signatures[e * length + band * rows + r]!);
  return h;
}

/** A growable Float64Array of pair codes a·count + b (exact up to 2^53: any network that fits in memory). */
class PairCodes {
  codes = new Float64Array(1024);
  length = 0;
  push(code: number): void {
    if (this.length === this.codes.length) {
      const grown = new Float64Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.length++] = code;
  }
}

/**
 * Pairs each entry of `order` (sorted, bucket keys in `keys`) with its next `neighbours` entries of the
 * same bucket; entries of the same record are skipped, and so, when linking two files, are records of the
 * same file (looked past, up to a limit).
 */
function pairNeighbours(order: Uint32Array, keys: Uint32Array, neighbours: number, count: number, codes: PairCodes, keep?: (a: number, b: number) => boolean): void {
  for (let p = 0; p < order.length; p++) {
    const ex = order[p]!;
    let taken = 0;
    for (let q = p + 1; q < order.length && taken < neighbours && q <= p + 4 * neighbours && keys[order[q]!] === keys[ex]; q++) {
      const x = ex >>> 1;
      const y = order[q]! >>> 1;
      if (x === y) continue;
      const [a, b] = x < y ? [x, y] : [y, x];
      if (keep && !keep(a, b)) continue;
      taken++;
      codes.push(a * count + b);
    }
  }
}

/** The pair codes, sorted and each once, as two arrays of record indices. */
function uniquePairs(codes: PairCodes, count: number): CandidatePairs {
  const sorted = codes.codes.subarray(0, codes.length).sort();
  let unique = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[unique++] = sorted[k]!;
  const first = new Uint32Array(unique);
  const second = new Uint32Array(unique);
  for (let k = 0; k < unique; k++) {
    first[k] = Math.floor(sorted[k]! / count);
    second[k] = sorted[k]! - first[k]! * count;
  }
  return { count: unique, first, second };
}

export function tokenCandidates(set: FilterSet, options: TokenBlockingOptions = {}): CandidatePairs {
  const { bands, rows, neighbours } = { ...DEFAULT_BLOCKING, ...options };
  const { keep } = options;
  const length = bands * rows;
  const signatures = nameSignatures(set, length);
  const named: number[] = [];
  for (let e = 0; e < set.count * 2; e++) if (signatures[e * length] !== PRIME) named.push(e);
  const order = Uint32Array.from(named);
  // Hash of the *other* name field's signature: within a bucket of one given name, the records with the
  // same family name (and so the records of one person) sort next to each other.
  const otherHash = new Uint32Array(set.count * 2);
  for (const e of order) {
    let h = 0x2545f491;
    for (let j = 0; j < length; j++) h = mix(h, signatures[(e ^ 1) * length + j]!);
    otherHash[e] = h;
  }
  const word = (e: number, at: number) => set.words[(e >>> 1) * FILTER_WORDS + at]!;
  // Inside a bucket: the birth year first (a year-only date sits beside the full dates of its year), then
  // one hash of the full date, sex and the other name field (equal ones sit together), precomputed so
  // that the sort compares typed-array entries only.
  const year = new Uint32Array(set.count * 2);
  const tie = new Uint32Array(set.count * 2);
  for (const e of order) {
    year[e] = word(e, YEAR_WORD);
    tie[e] = mix(mix(mix(0x27d4eb2f, word(e, DATE_WORD)), word(e, SEX_WORD)), otherHash[e]!);
  }
  const keys = new Uint32Array(set.count * 2);
  const codes = new PairCodes();
  for (let band = 0; band < bands; band++) {
    for (const e of order) keys[e] = bucketKey(set, signatures, e, band, rows, length);
    order.sort((a, b) => keys[a]! - keys[b]! || year[a]! - year[b]! || tie[a]! - tie[b]! || a - b);
    pairNeighbours(order, keys, neighbours, set.count, codes, keep);
  }
  // One more pass over the full birth date (and window): a person whose names both changed a lot (a
  // married name and a second given name) shares no name bucket, but usually the exact date. A date is
  // shared by few people, and its neighbours are ordered by sex and names.
  const dated: number[] = [];
  for (let i = 0; i < set.count; i++) if (set.has(i, FIELD_INDEX.dobDate) && (signatures[2 * i * length] !== PRIME || signatures[(2 * i + 1) * length] !== PRIME)) dated.push(2 * i);
  const byDate = Uint32Array.from(dated);
  for (const e of byDate) keys[e] = mix(mix(mix(0x1b873593, word(e, WINDOW_WORD)), word(e, YEAR_WORD)), word(e, DATE_WORD));
  byDate.sort((a, b) => keys[a]! - keys[b]! || word(a, SEX_WORD) - word(b, SEX_WORD) || signatures[a * length]! - signatures[b * length]! || otherHash[a]! - otherHash[b]! || a - b);
  pairNeighbours(byDate, keys, neighbours, set.count, codes, keep);
  return uniquePairs(codes, set.count);
}
