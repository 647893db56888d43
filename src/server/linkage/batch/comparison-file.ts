import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { PairComparison } from '../../../core/linkage/engine/pair-comparison.ts';

const BUFFER_BYTES = 1 << 20;

/** Bytes of one compared pair: [u32 a][u32 b][f64 given log][f64 family log][u8 level × fields]. */
export const comparisonBytes = (fields: number) => 24 + fields;

/** Writes compared pairs to a file (a worker task's output) in the fixed-size binary form above. */
export class ComparisonFileWriter {
  readonly #fd: number;
  readonly #size: number;
  readonly #buffer: Buffer;
  #used = 0;
  count = 0;

  constructor(path: string, readonly fields: number) {
    this.#fd = openSync(path, 'w');
    this.#size = comparisonBytes(fields);
    this.#buffer = Buffer.allocUnsafe(Math.floor(BUFFER_BYTES / this.#size) * this.#size);
  }

  add(a: number, b: number, comparison: PairComparison): void {
    if (this.#used === this.#buffer.length) this.#flush();
    const at = this.#used;
    this.#buffer.writeUInt32LE(a, at);
    this.#buffer.writeUInt32LE(b, at + 4);
    this.#buffer.writeDoubleLE(comparison.givenLog, at + 8);
    this.#buffer.writeDoubleLE(comparison.familyLog, at + 16);
    this.#buffer.set(comparison.vector, at + 24);
    this.#used += this.#size;
    this.count++;
  }

  #flush(): void {
    writeSync(this.#fd, this.#buffer, 0, this.#used);
    this.#used = 0;
  }

  finish(): number {
    this.#flush();
    closeSync(this.#fd);
    return this.count;
  }
}

/** The compared pairs of a file, in order. The yielded object is reused: copy what you keep. */
export function* readComparisons(path: string, fields: number): Generator<{ a: number; b: number; comparison: PairComparison }> {
  const size = comparisonBytes(fields);
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(Math.floor(BUFFER_BYTES / size) * size);
  let position = 0;
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, position);
      if (read === 0) return;
      position += read;
      for (let at = 0; at + size <= read; at += size) {
        const comparison: PairComparison = {
          vector: buffer.subarray(at + 24, at + size),
          givenLog: buffer.readDoubleLE(at + 8),
          familyLog: buffer.readDoubleLE(at + 16),
        };
        yield { a: buffer.readUInt32LE(at), b: buffer.readUInt32LE(at + 4), comparison };
      }
    }
  } finally {
    closeSync(fd);
  }
}
