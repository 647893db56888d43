/**
 * A bounded memo of the integer result of a pure comparison, per ordered pair of objects. Candidate
 * pairs repeat the same pairs of name fields over and over (Mohamed Diallo against Mohammed Diallo), so
 * remembering the level saves most of the string work of scoring.
 *
 * Each object gets a small integer id the first time it is seen, kept in a non-enumerable symbol property:
 * spread copies (`{ ...field, aliases }`), JSON and structured clones (worker messages) never carry it, so a
 * changed copy can never reuse the original's remembered result. The table is direct-mapped (a colliding
 * pair overwrites the slot), so memory stays fixed whatever the number of records; a miss only recomputes.
 */
export class PairMemo<T extends object> {
  #id: symbol = Symbol('pair-memo id');
  #next = 1;
  readonly #shift: number;
  /** Slot i is [idA, idB, value, unused] at 4i: one cache line read per lookup, not three. */
  readonly #slots: Int32Array;
  readonly #compute: (a: T, b: T) => number;
  /** Objects that cannot take a property (frozen): ids by identity instead. */
  #frozenIds = new WeakMap<T, number>();
  hits = 0;
  misses = 0;

  /**
   * `bits`: log2 of the slot count (2^19 slots take 8 MiB). On the 2.3 million name comparisons of the
   * 660,000 candidate pairs of 50,000 generated records, 2^14 slots answered 39 % of lookups, 2^16 47 %,
   * 2^19 61 %. `compute` must be pure and return a 32-bit integer.
   */
  constructor(compute: (a: T, b: T) => number, bits = 19) {
    this.#compute = compute;
    this.#shift = 32 - bits;
    this.#slots = new Int32Array(4 << bits);
  }

  #idOf(object: T): number {
    const known = (object as Record<symbol, number | undefined>)[this.#id];
    if (known !== undefined) return known;
    const extensible = Object.isExtensible(object);
    if (!extensible) {
      const frozen = this.#frozenIds.get(object);
      if (frozen !== undefined) return frozen;
    }
    // Ids ran out (2^31 objects): a new symbol makes every object take a new id, the table is emptied.
    if (this.#next === 0x7fffffff) this.#restartIds();
    const id = this.#next++;
    if (extensible) Object.defineProperty(object, this.#id, { value: id, enumerable: false });
    else this.#frozenIds.set(object, id);
    return id;
  }

  #restartIds(): void {
    this.#id = Symbol('pair-memo id');
    this.#frozenIds = new WeakMap();
    this.#next = 1;
    this.clear();
  }

  /** compute(a, b), remembered. */
  get(a: T, b: T): number {
    const idA = this.#idOf(a);
    const idB = this.#idOf(b);
    const mixed = Math.imul(idA, 0x9e3779b1) ^ idB;
    const slot = (Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b) >>> this.#shift) << 2;
    const slots = this.#slots;
    if (slots[slot] === idA && slots[slot + 1] === idB) {
      this.hits++;
      return slots[slot + 2]!;
    }
    this.misses++;
    const value = this.#compute(a, b);
    slots[slot] = idA;
    slots[slot + 1] = idB;
    slots[slot + 2] = value;
    return value;
  }

  /**
   * Forgets every remembered result (benchmarks measure from a cold memo). Objects keep their ids: a new
   * id property on every object at each clear would grow the objects and slow every lookup.
   */
  clear(): void {
    this.#slots.fill(0);
    this.hits = 0;
    this.misses = 0;
  }
}
