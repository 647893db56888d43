/**
 * A memo with bounded memory that keeps its hot entries: two generations of at most `limit` entries each.
 * New entries go to the young one; when it is full it becomes the old one (the previous old one is
 * dropped), and an entry found only in the old generation moves back to the young one. Names repeat with a
 * long tail: clearing a single map when full (as before) threw away the frequent names with the rare ones,
 * and every record after a clear paid for them again.
 */
export class BoundedCache<K, V> {
  #young = new Map<K, V>();
  #old = new Map<K, V>();

  constructor(readonly limit: number) {}

  get(key: K): V | undefined {
    const young = this.#young.get(key);
    if (young !== undefined) return young;
    const old = this.#old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  /** Stores `value` (never undefined) and returns it. */
  set(key: K, value: V): V {
    if (this.#young.size >= this.limit) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(key, value);
    return value;
  }
}
