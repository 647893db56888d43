/**
 * A memo of small levels (0..7) per ordered pair of integer ids, as an open-addressing hash table in one
 * Int32Array: slot i holds [id A, id B << 3 | level] at 2i. Candidate pairs repeat the same pairs of name
 * contents over and over, so remembering the level saves most of the string work of scoring; unlike a
 * direct-mapped table, a remembered pair is never overwritten by a colliding one, so every distinct pair is
 * computed once. Memory stays bounded: the table grows up to `maxBits` slots, then starts empty again.
 */
export class PairLevelTable {
  /**
   * A small direct-mapped table in front (32 KiB, in the processor's near cache): pairs repeat close to each
   * other (a record meets the members of its block one after another), and most of a lookup's time is the
   * cache miss into the large table.
   */
  readonly #recent = new Int32Array(2 << RECENT_BITS);
  #bits: number;
  #slots: Int32Array;
  #used = 0;
  readonly #maxBits: number;
  hits = 0;
  misses = 0;

  /** `initialBits`/`maxBits`: log2 of the slot counts (2^21 slots take 16 MiB). */
  constructor(initialBits = 16, maxBits = 21) {
    this.#bits = initialBits;
    this.#maxBits = maxBits;
    this.#slots = new Int32Array(2 << initialBits);
  }

  /** The remembered level of (a, b), or -1. Ids are positive and below 2^28. */
  get(a: number, b: number): number {
    const recent = this.#recent;
    const near = recentSlotOf(a, b) << 1;
    if (recent[near] === a && recent[near + 1]! >>> 3 === b) {
      this.hits++;
      return recent[near + 1]! & 7;
    }
    const slots = this.#slots;
    const mask = (1 << this.#bits) - 1;
    let slot = slotOf(a, b, this.#bits);
    for (;;) {
      const at = slot << 1;
      const first = slots[at]!;
      if (first === 0) {
        this.misses++;
        return -1;
      }
      if (first === a && slots[at + 1]! >>> 3 === b) {
        this.hits++;
        recent[near] = a;
        recent[near + 1] = slots[at + 1]!;
        return slots[at + 1]! & 7;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Remembers the level (0..7) of (a, b), which `get` just did not find. */
  set(a: number, b: number, level: number): void {
    // At most half full: probe runs stay short.
    if (this.#used >= 1 << (this.#bits - 1)) this.#grow();
    const packed = (b << 3) | level;
    this.#insert(a, b, packed);
    const near = recentSlotOf(a, b) << 1;
    this.#recent[near] = a;
    this.#recent[near + 1] = packed;
  }

  #insert(a: number, b: number, packed: number): void {
    const slots = this.#slots;
    const mask = (1 << this.#bits) - 1;
    let slot = slotOf(a, b, this.#bits);
    while (slots[slot << 1] !== 0) slot = (slot + 1) & mask;
    slots[slot << 1] = a;
    slots[(slot << 1) + 1] = packed;
    this.#used++;
  }

  #grow(): void {
    if (this.#bits >= this.#maxBits) {
      this.#recent.fill(0);
      this.#slots.fill(0);
      this.#used = 0;
      return;
    }
    const old = this.#slots;
    this.#bits++;
    this.#slots = new Int32Array(2 << this.#bits);
    this.#used = 0;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] !== 0) this.#insert(old[at]!, old[at + 1]! >>> 3, old[at + 1]!);
    }
  }

  /** Forgets every remembered level (benchmarks measure from a cold memo); the table keeps its size. */
  clear(): void {
    this.#recent.fill(0);
    this.#slots.fill(0);
    this.#used = 0;
    this.hits = 0;
    this.misses = 0;
  }
}

const RECENT_BITS = 12;

function recentSlotOf(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ b) & ((1 << RECENT_BITS) - 1);
}

function slotOf(a: number, b: number, bits: number): number {
  const mixed = Math.imul(a, 0x9e3779b1) ^ b;
  return Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b) >>> (32 - bits);
}
