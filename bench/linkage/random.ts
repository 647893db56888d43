import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * The one source of randomness for the evaluation-data generators: xoroshiro128+ from pure-rand, seeded by
 * an integer. Only integer draws are used (probabilities are compared in parts per million) so that the
 * same seed gives byte-identical output on any machine and Node version.
 */
export class Random {
  readonly #rng: RandomGenerator;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
    this.#rng = xoroshiro128plus(seed | 0);
    // Spread a small seed's bits before the first draw: xoroshiro's first outputs for seeds 1, 2, 3 are close.
    for (let i = 0; i < 16; i++) this.#rng.next();
  }

  /** An integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.#rng, from, to);
  }

  /** True with the given probability (0..1), resolved to parts per million. */
  chance(probability: number): boolean {
    if (probability <= 0) return false;
    if (probability >= 1) return true;
    return uniformInt(this.#rng, 0, 999_999) < Math.round(probability * 1_000_000);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[uniformInt(this.#rng, 0, items.length - 1)]!;
  }

  /** A new generator derived from this one (for a sub-stream that must not shift the main stream). */
  fork(): Random {
    return new Random(this.int(-0x8000_0000, 0x7fff_ffff));
  }
}

/**
 * A weighted choice table built once: integer weights, cumulative sums, binary search per draw. Heavy-tailed
 * name frequencies come from the weights in the pool files.
 */
export class WeightedTable<T> {
  readonly items: readonly T[];
  readonly #cumulative: Int32Array;
  readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new Error('a weighted table needs at least one entry');
    this.items = entries.map(([item]) => item);
    this.#cumulative = new Int32Array(entries.length);
    let sum = 0;
    entries.forEach(([item, weight], index) => {
      if (!Number.isInteger(weight) || weight <= 0) throw new Error(`weight of ${String(item)} must be a positive integer`);
      sum += weight;
      this.#cumulative[index] = sum;
    });
    this.total = sum;
  }

  draw(random: Random): T {
    const target = random.int(1, this.total);
    let low = 0;
    let high = this.#cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return this.items[low]!;
  }
}
