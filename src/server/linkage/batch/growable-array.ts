type TypedArray = Uint8Array | Uint32Array | Int32Array | Float64Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T; BYTES_PER_ELEMENT: number };

/**
 * An append-only typed array that doubles when full. Its storage is an ArrayBuffer, outside the V8 heap, so
 * per-record and per-pair numbers (offsets, indices, probabilities) cost no garbage-collected memory.
 */
export class GrowableArray<T extends TypedArray> {
  readonly #type: TypedArrayConstructor<T>;
  #data: T;
  #length = 0;

  constructor(type: TypedArrayConstructor<T>, initialCapacity = 1024) {
    this.#type = type;
    this.#data = new type(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.#length;
  }

  push(value: number): void {
    if (this.#length === this.#data.length) {
      const bigger = new this.#type(this.#data.length * 2);
      bigger.set(this.#data as never);
      this.#data = bigger;
    }
    this.#data[this.#length++] = value;
  }

  at(index: number): number {
    return this.#data[index]!;
  }

  /** The values pushed so far (a view: it is invalidated by the next push that grows the array). */
  view(): T {
    return this.#data.subarray(0, this.#length) as T;
  }

  /** A copy in shared memory, which worker threads can read without copying it again. */
  toShared(): T {
    const shared = new this.#type(0);
    const buffer = new SharedArrayBuffer(Math.max(1, this.#length) * this.#type.BYTES_PER_ELEMENT);
    const copy = new (shared.constructor as unknown as { new (buffer: SharedArrayBuffer): T })(buffer);
    copy.set(this.view() as never);
    return copy.subarray(0, this.#length) as T;
  }
}
