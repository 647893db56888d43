import { FIELD_INDEX, FILTER_WORDS, SEGMENT_WORDS } from './segment-dice.ts';
import type { FilterSet, PairLevels } from './token-score.ts';

/**
 * Term-frequency adjustment from the filters themselves. The plaintext engine weighs an agreement on a rare
 * name more than one on Mohamed; the matcher cannot read names, but it can count how many filters carry a
 * name segment with exactly the same bits (the same name in the same birth window). An attacker counts the
 * same thing (frequency-attack.ts, step 1), so the matcher learns nothing it could not anyway.
 *
 * When two records' name segments are identical, the weight of that agreement is raised by
 * log2(typical / count), where `typical` is the count of the pattern a random agreeing pair shares
 * (Σ count² / Σ count): rarer than typical weighs more, commoner less; capped at ±CAP bits so that one
 * unique misspelling cannot outweigh the rest of the record.
 */
const CAP = 3;
const [GIVEN_FROM, GIVEN_TO] = SEGMENT_WORDS[FIELD_INDEX.given]!;
const [FAMILY_FROM] = SEGMENT_WORDS[FIELD_INDEX.family]!;
const NAME_WORDS = GIVEN_TO - GIVEN_FROM;

/** A 52-bit hash of a name segment (two 26-bit halves): collisions are practically impossible. */
function segmentHash(words: Uint32Array, at: number): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let w = 0; w < NAME_WORDS; w++) {
    const x = words[at + w]!;
    h1 = Math.imul(h1 ^ x, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ ((x >>> 16) | (x << 16)), 0x5bd1e995) >>> 0;
  }
  return (h1 >>> 6) * 2 ** 26 + (h2 >>> 6);
}

export class NamePatternFrequency {
  /** Per record, the hashes of its given (2i) and family (2i + 1) segments; 0 when empty. */
  private readonly hashes: Float64Array;
  /** Per record and field, how many segments (given or family, any record) carry the same bits. */
  private readonly counts: Uint32Array;
  private readonly typical: number;

  constructor(set: FilterSet) {
    this.hashes = new Float64Array(set.count * 2);
    for (let i = 0; i < set.count; i++) {
      if (set.has(i, FIELD_INDEX.given)) this.hashes[2 * i] = segmentHash(set.words, i * FILTER_WORDS + GIVEN_FROM) || 1;
      if (set.has(i, FIELD_INDEX.family)) this.hashes[2 * i + 1] = segmentHash(set.words, i * FILTER_WORDS + FAMILY_FROM) || 1;
    }
    // Counting by sorting (typed arrays, no map of a million keys).
    const sorted = this.hashes.slice().sort();
    this.counts = new Uint32Array(set.count * 2);
    let sum = 0;
    let squares = 0;
    const countOf = new Map<number, number>();
    for (let k = 0; k < sorted.length; ) {
      let end = k;
      while (end < sorted.length && sorted[end] === sorted[k]) end++;
      if (sorted[k] !== 0 && end - k > 1) countOf.set(sorted[k]!, end - k);
      if (sorted[k] !== 0) {
        sum += end - k;
        squares += (end - k) ** 2;
      }
      k = end;
    }
    for (let e = 0; e < this.hashes.length; e++) this.counts[e] = this.hashes[e] === 0 ? 0 : (countOf.get(this.hashes[e]!) ?? 1);
    this.typical = sum ? squares / sum : 1;
  }

  /** The weight adjustment (bits) of a pair with these levels: only identical name segments count. */
  adjustment(a: number, b: number, levels: Pick<PairLevels, 'given' | 'family' | 'swapped'>): number {
    let total = 0;
    const fields = [
      [levels.given, 0, levels.swapped ? 1 : 0],
      [levels.family, 1, levels.swapped ? 0 : 1],
    ] as const;
    for (const [level, fieldA, fieldB] of fields) {
      const ea = 2 * a + fieldA;
      if (level !== 0 || this.hashes[ea] === 0 || this.hashes[ea] !== this.hashes[2 * b + fieldB]) continue;
      total += Math.max(-CAP, Math.min(CAP, Math.log2(this.typical / this.counts[ea]!)));
    }
    return total;
  }
}
