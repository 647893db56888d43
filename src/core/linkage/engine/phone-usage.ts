import { jaroWinkler } from '../compare/string-similarity.ts';

/** A phone given by more records than this is never evidence of identity (N-12). */
export const MAX_PHONE_USERS = 10;
/** First-given keys this far apart (Jaro–Winkler) belong to different people sharing a phone. */
const DIFFERENT_GIVEN_NAMES = 0.8;
/** Distinct given-name keys remembered per phone number (enough to see a household). */
const GIVEN_KEYS_PER_PHONE = 4;
const EMPTY = 0;
const E164 = /^\+[1-9]\d{0,14}$/;

/**
 * Who gives each phone number (N-12), in memory proportional to the distinct numbers but off the JS heap:
 * an open-addressing table of typed arrays keyed by the E.164 digits as a number (exact: at most 15 digits),
 * with per number a saturating count, a shared flag and up to four given-name keys, interned. A million
 * distinct numbers take about 60 MB of array buffers instead of some 200 MB of objects on the heap, which
 * a worker limited to a small heap could not hold (the 200 MB file has 1.9 million records).
 */
export class PhoneUsage {
  #capacity = 1 << 16;
  #size = 0;
  #keys = new Float64Array(this.#capacity);
  #counts = new Uint8Array(this.#capacity);
  #shared = new Uint8Array(this.#capacity);
  #given = new Int32Array(this.#capacity * GIVEN_KEYS_PER_PHONE);
  #givenCounts = new Uint8Array(this.#capacity);
  /** Numbers that are not plain E.164 digits (never from prepareRecord; kept exact all the same). */
  #oddNumbers = new Map<string, number>();
  #givenIds = new Map<string, number>();
  #givenKeys: string[] = [];

  /** One more record gives `phone`, with this first given-name key (or none). */
  add(phone: string, given: string | null): void {
    const slot = this.#slotFor(phone, true);
    if (this.#counts[slot]! < 255) this.#counts[slot]!++;
    if (this.#counts[slot]! > MAX_PHONE_USERS) this.#shared[slot] = 1;
    // Two people with clearly different given names on one number: a household or an office phone, whose
    // agreement says little about identity (siblings and twins share it).
    if (!given || this.#shared[slot]) return;
    const id = this.#givenId(given);
    const known = this.#givenCounts[slot]!;
    const base = slot * GIVEN_KEYS_PER_PHONE;
    for (let k = 0; k < known; k++) if (this.#given[base + k] === id) return;
    for (let k = 0; k < known; k++) {
      if (jaroWinkler(this.#givenKeys[this.#given[base + k]!]!, given) < DIFFERENT_GIVEN_NAMES) {
        this.#shared[slot] = 1;
        return;
      }
    }
    if (known < GIVEN_KEYS_PER_PHONE) {
      this.#given[base + known] = id;
      this.#givenCounts[slot] = known + 1;
    }
  }

  isShared(phone: string): boolean {
    const slot = this.#slotFor(phone, false);
    return slot >= 0 && this.#shared[slot] === 1;
  }

  #givenId(key: string): number {
    let id = this.#givenIds.get(key);
    if (id === undefined) {
      id = this.#givenKeys.push(key) - 1;
      this.#givenIds.set(key, id);
    }
    return id;
  }

  /** The number as a table key: its digits, or for an odd text a negative id of its own. */
  #keyOf(phone: string, create: boolean): number {
    if (E164.test(phone)) return Number(phone.slice(1));
    let id = this.#oddNumbers.get(phone);
    if (id === undefined && create) this.#oddNumbers.set(phone, (id = -(this.#oddNumbers.size + 1)));
    return id ?? EMPTY;
  }

  /** The slot of a number (created if asked), or -1 when it was never added. */
  #slotFor(phone: string, create: boolean): number {
    const key = this.#keyOf(phone, create);
    if (key === EMPTY) return -1;
    if (create && (this.#size + 1) * 2 > this.#capacity) this.#grow();
    const mask = this.#capacity - 1;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const stored = this.#keys[slot]!;
      if (stored === key) return slot;
      if (stored === EMPTY) {
        if (!create) return -1;
        this.#keys[slot] = key;
        this.#size++;
        return slot;
      }
    }
  }

  #grow(): void {
    const old = { keys: this.#keys, counts: this.#counts, shared: this.#shared, given: this.#given, givenCounts: this.#givenCounts, capacity: this.#capacity };
    this.#capacity *= 2;
    this.#keys = new Float64Array(this.#capacity);
    this.#counts = new Uint8Array(this.#capacity);
    this.#shared = new Uint8Array(this.#capacity);
    this.#given = new Int32Array(this.#capacity * GIVEN_KEYS_PER_PHONE);
    this.#givenCounts = new Uint8Array(this.#capacity);
    const mask = this.#capacity - 1;
    for (let from = 0; from < old.capacity; from++) {
      const key = old.keys[from]!;
      if (key === EMPTY) continue;
      let slot = hash(key) & mask;
      while (this.#keys[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.#keys[slot] = key;
      this.#counts[slot] = old.counts[from]!;
      this.#shared[slot] = old.shared[from]!;
      this.#givenCounts[slot] = old.givenCounts[from]!;
      this.#given.set(old.given.subarray(from * GIVEN_KEYS_PER_PHONE, (from + 1) * GIVEN_KEYS_PER_PHONE), slot * GIVEN_KEYS_PER_PHONE);
    }
  }
}

/** A 32-bit mix of a number of up to 15 digits (or a small negative id). */
function hash(key: number): number {
  const low = key >>> 0;
  const high = Math.floor(key / 4294967296) | 0;
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
