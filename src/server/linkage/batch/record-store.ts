import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { ComparableRecord } from '../../../core/linkage/engine/comparable.ts';
import { GrowableArray } from './growable-array.ts';
import { decodeRecord, encodeRecord } from './record-codec.ts';

const WRITE_BUFFER_BYTES = 1 << 20;

/**
 * Appends prepared records (one JSON line each, see record-codec.ts) to a temporary file and remembers where
 * each one starts, so that any record can be read back by its index.
 */
export class RecordStoreWriter {
  readonly #fd: number;
  readonly #starts = new GrowableArray(Float64Array);
  #buffer = '';
  #written = 0;

  constructor(readonly path: string) {
    this.#fd = openSync(path, 'w');
  }

  get count(): number {
    return this.#starts.length;
  }

  /** Adds an already encoded record (workers encode; the writer only stores). */
  addEncoded(line: string): void {
    this.#starts.push(this.#written);
    this.#written += Buffer.byteLength(line) + 1;
    this.#buffer += `${line}\n`;
    if (this.#buffer.length >= WRITE_BUFFER_BYTES) this.#flush();
  }

  add(record: ComparableRecord): void {
    this.addEncoded(encodeRecord(record));
  }

  #flush(): void {
    if (this.#buffer) writeSync(this.#fd, this.#buffer);
    this.#buffer = '';
  }

  /** Flushes and closes the file; the offsets (one more than records: the end of the last) go to readers. */
  finish(): Float64Array {
    this.#flush();
    closeSync(this.#fd);
    this.#starts.push(this.#written);
    return this.#starts.toShared();
  }
}

/**
 * The record file loaded into shared memory (outside the V8 heap, one copy for all threads) when it is no
 * larger than `budgetBytes`: comparison reads records in no useful order, and a positional read per record
 * costs more than decoding it. Larger files stay on disk and are read record by record.
 */
export function loadIntoSharedMemory(path: string, bytes: number, budgetBytes: number): Uint8Array | null {
  if (bytes > budgetBytes) return null;
  const memory = new Uint8Array(new SharedArrayBuffer(Math.max(1, bytes)));
  const fd = openSync(path, 'r');
  try {
    const view = Buffer.from(memory.buffer, 0, bytes);
    for (let done = 0; done < bytes; ) done += readSync(fd, view, done, Math.min(bytes - done, 1 << 26), done);
  } finally {
    closeSync(fd);
  }
  return memory;
}

/**
 * Reads records back by index from the file a RecordStoreWriter wrote: from its copy in shared memory when
 * there is one, else by positional reads (the operating system's page cache, not the V8 heap, then holds
 * the hot part of the file). Also usable in worker threads.
 */
export class RecordStoreReader {
  readonly #fd: number;
  readonly #offsets: Float64Array;
  readonly #memory: Buffer | null;
  #scratch = Buffer.allocUnsafe(1 << 16);

  constructor(path: string, offsets: Float64Array, memory: Uint8Array | null = null) {
    this.#fd = openSync(path, 'r');
    this.#offsets = offsets;
    this.#memory = memory ? Buffer.from(memory.buffer, memory.byteOffset, memory.byteLength) : null;
  }

  get count(): number {
    return this.#offsets.length - 1;
  }

  /** The record's encoded line (without its line break). */
  encoded(index: number): string {
    const start = this.#offsets[index]!;
    const length = this.#offsets[index + 1]! - start - 1;
    if (this.#memory) return this.#memory.toString('utf8', start, start + length);
    if (length > this.#scratch.length) this.#scratch = Buffer.allocUnsafe(length * 2);
    readSync(this.#fd, this.#scratch, 0, length, start);
    return this.#scratch.toString('utf8', 0, length);
  }

  /** The record, ready for comparePair; `id` fills raw.id (the batch keeps ids elsewhere). */
  get(index: number, id = ''): ComparableRecord {
    return decodeRecord(this.encoded(index), id);
  }

  /** Records from `from` to `to` (exclusive) in order, read in large sequential chunks. */
  *range(from: number, to: number): Generator<[number, ComparableRecord]> {
    const CHUNK_BYTES = 4 << 20;
    let index = from;
    while (index < to) {
      const start = this.#offsets[index]!;
      let end = index + 1;
      while (end < to && this.#offsets[end + 1]! - start <= CHUNK_BYTES) end++;
      const bytes = this.#offsets[end]! - start;
      let chunk = this.#memory?.subarray(start, start + bytes);
      if (!chunk) {
        chunk = Buffer.allocUnsafe(bytes);
        readSync(this.#fd, chunk, 0, bytes, start);
      }
      for (let i = index; i < end; i++) {
        const text = chunk.toString('utf8', this.#offsets[i]! - start, this.#offsets[i + 1]! - start - 1);
        yield [i, decodeRecord(text, '')];
      }
      index = end;
    }
  }

  close(): void {
    closeSync(this.#fd);
  }
}
