import { FIELD_INDEX, FILTER_WORDS, SEGMENT_WORDS } from './segment-dice.ts';
import type { FilterSet } from './token-score.ts';

/**
 * Candidate pairs from the filters alone (no secret, no plaintext): MinHash banding over the name bits.
 * A record's name bits are given OR family — the same for a swapped record, since both fields share a key —
 * and its bucket key is the bits of its birth-year window (names are salted with it: records of different
 * windows cannot be compared on names anyway; undated records share one "no date" window) plus, per band,
 * `rows` MinHash values of those name bits. Two records meet when they share one bucket: with rows = 2 and
 * 10 bands, names whose bit sets overlap by a Jaccard of 0.5 meet with probability 1 − (1 − 0.25)^10 ≈ 0.94,
 * and the same name almost surely.
 */
export interface TokenBlockingOptions {
  bands?: number;
  rows?: number;
  /** Buckets larger than this are split no further and skipped (a name shared by a whole window says little). */
  maxBucket?: number;
  /** Only pairs for which this is true are kept (linking two files: one record from each). */
  keep?: (a: number, b: number) => boolean;
}

const [GIVEN_FROM, GIVEN_TO] = SEGMENT_WORDS[FIELD_INDEX.given]!;
const [FAMILY_FROM] = SEGMENT_WORDS[FIELD_INDEX.family]!;
const NAME_WORDS = GIVEN_TO - GIVEN_FROM;
/** A prime above the number of name bits (384), for the permutations. */
const PRIME = 389;

/** Fixed permutations of the name bit positions (x ↦ (a·x + b) mod 389), the same on every run and member. */
function permutations(count: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let state = 0x9e3779b9;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  for (let i = 0; i < count; i++) out.push([1 + (next() % (PRIME - 1)), next() % PRIME]);
  return out;
}

/** The positions of the bits set in given OR family of record `i`. */
function nameBitPositions(set: FilterSet, i: number): number[] {
  const positions: number[] = [];
  const g = i * FILTER_WORDS + GIVEN_FROM;
  const f = i * FILTER_WORDS + FAMILY_FROM;
  for (let w = 0; w < NAME_WORDS; w++) {
    let bits = (set.words[g + w]! | set.words[f + w]!) >>> 0;
    while (bits) {
      const low = bits & -bits;
      positions.push(w * 32 + 31 - Math.clz32(low));
      bits = (bits ^ low) >>> 0;
    }
  }
  return positions;
}

/** The bucket keys of record `i` (none when it has no name). */
export function blockingKeys(set: FilterSet, i: number, bands: number, rows: number, perms = permutations(bands * rows)): string[] {
  const positions = nameBitPositions(set, i);
  if (positions.length === 0) return [];
  const window = set.has(i, FIELD_INDEX.dobYear) ? set.words[i * FILTER_WORDS + SEGMENT_WORDS[FIELD_INDEX.dobWindow0]![0]]!.toString(36) : 'u';
  const keys: string[] = [];
  for (let band = 0; band < bands; band++) {
    let key = `${window}.${band}`;
    for (let r = 0; r < rows; r++) {
      const [a, b] = perms[band * rows + r]!;
      let min = PRIME;
      for (const p of positions) min = Math.min(min, (a * p + b) % PRIME);
      key += `.${min}`;
    }
    keys.push(key);
  }
  return keys;
}

/**
 * Every pair of records that shares a bucket, each pair once (a < b). A pair is emitted by the first band
 * in which the two records share a bucket, so no set of seen pairs is needed (it would outgrow memory,
 * and JavaScript's Set, on a large network).
 */
export function tokenCandidates(set: FilterSet, options: TokenBlockingOptions = {}): Array<[number, number]> {
  const { bands = 10, rows = 2, maxBucket = 5_000, keep } = options;
  const perms = permutations(bands * rows);
  const keysOf: string[][] = [];
  const buckets = new Map<string, { band: number; members: number[] }>();
  for (let i = 0; i < set.count; i++) {
    const keys = blockingKeys(set, i, bands, rows, perms);
    keysOf.push(keys);
    keys.forEach((key, band) => {
      const bucket = buckets.get(key);
      if (bucket) bucket.members.push(i);
      else buckets.set(key, { band, members: [i] });
    });
  }
  const sharedEarlier = (a: number, b: number, band: number) => {
    for (let earlier = 0; earlier < band; earlier++) if (keysOf[a]![earlier] === keysOf[b]![earlier]) return true;
    return false;
  };
  const out: Array<[number, number]> = [];
  for (const { band, members } of buckets.values()) {
    if (members.length < 2 || members.length > maxBucket) continue;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x]!;
        const b = members[y]!;
        if (sharedEarlier(a, b, band) || (keep && !keep(a, b))) continue;
        out.push([a, b]);
      }
    }
  }
  return out;
}
