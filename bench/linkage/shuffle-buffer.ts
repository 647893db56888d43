import type { Random } from './random.ts';

/**
 * Mixes the order of a stream within a bounded window so that the records of one entity are not written
 * next to each other (a matcher must not profit from file order), while memory stays flat: at most `size`
 * rows are held. A stream shorter than the window comes out fully shuffled.
 */
export class ShuffleBuffer<T> {
  readonly #items: T[] = [];

  constructor(
    private readonly size: number,
    private readonly random: Random,
  ) {}

  /** Adds a row; once the window is full, returns a random held row to write out. */
  push(item: T): T | undefined {
    if (this.#items.length < this.size) {
      this.#items.push(item);
      return undefined;
    }
    const index = this.random.int(0, this.size - 1);
    const out = this.#items[index]!;
    this.#items[index] = item;
    return out;
  }

  /** The remaining rows in random order (Fisher–Yates). */
  *drain(): Generator<T> {
    const items = this.#items;
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.random.int(0, i);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    while (items.length > 0) yield items.pop()!;
  }
}
