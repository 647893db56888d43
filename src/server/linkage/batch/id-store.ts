import { GrowableArray } from './growable-array.ts';

/** Ids in shared memory (UTF-8 bytes and each id's end offset), readable from worker threads. */
export interface SharedIds {
  bytes: Uint8Array;
  ends: Float64Array;
}

/**
 * Record ids, kept as UTF-8 bytes in one growing Buffer with their end offsets in a typed array: a million ids
 * take a few megabytes outside the V8 heap instead of a million strings on it.
 */
export class IdStore {
  #bytes = Buffer.allocUnsafe(1 << 16);
  #used = 0;
  readonly #ends = new GrowableArray(Float64Array);

  get count(): number {
    return this.#ends.length;
  }

  add(id: string): void {
    const needed = Buffer.byteLength(id);
    if (this.#used + needed > this.#bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.#bytes.length * 2, this.#used + needed));
      this.#bytes.copy(bigger, 0, 0, this.#used);
      this.#bytes = bigger;
    }
    this.#used += this.#bytes.write(id, this.#used);
    this.#ends.push(this.#used);
  }

  get(index: number): string {
    const start = index === 0 ? 0 : this.#ends.at(index - 1);
    return this.#bytes.toString('utf8', start, this.#ends.at(index));
  }

  toShared(): SharedIds {
    const bytes = new Uint8Array(new SharedArrayBuffer(Math.max(1, this.#used)));
    bytes.set(this.#bytes.subarray(0, this.#used));
    return { bytes, ends: this.#ends.toShared() };
  }
}

/** Reads ids from a SharedIds snapshot. */
export function sharedIdReader(ids: SharedIds): (index: number) => string {
  const bytes = Buffer.from(ids.bytes.buffer, ids.bytes.byteOffset, ids.bytes.byteLength);
  return (index) => bytes.toString('utf8', index === 0 ? 0 : ids.ends[index - 1]!, ids.ends[index]!);
}
