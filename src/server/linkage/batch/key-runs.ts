import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Entries (blocking key, record index) sorted in memory at a time: bounds the heap whatever the file size. */
export const RUN_ENTRIES = 200_000;
const READ_CHUNK_BYTES = 1 << 20;

/** Key order of the external sort (UTF-16 code units, as `<` on strings); ties keep the record order. */
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Writes `text` at `at` as UTF-8 and returns the bytes written. Keys and sort strings are short and nearly
 * always ASCII: a JS loop writes those faster than a call into Buffer's encoder (which handles the rest).
 */
function writeText(buffer: Buffer, text: string, at: number): number {
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return buffer.write(text, at);
    buffer[at + i] = code;
  }
  return length;
}

/** Upper bound of the UTF-8 bytes of `text` (3 per UTF-16 code unit covers every case, surrogates included). */
const maxUtf8Bytes = (text: string) => 3 * text.length;

/**
 * The first half of an external sort: collects (key, sort string, record index) entries — the sort string
 * orders a large block's members for sorted-neighbourhood pairing — and every `runEntries` sorts them by key
 * (then index) and writes them as one run file: [u32 key bytes][key][u32 sort bytes][sort][u32 index] per
 * entry (UTF-8). Records are added in index order, so within a key a later run only holds later records.
 */
export class KeyRunWriter {
  readonly #directory: string;
  readonly #runEntries: number;
  #keys: string[] = [];
  #sorts: string[] = [];
  #indices: Uint32Array;
  /** Whether the run's indices arrived in non-decreasing order (the batch's case: see #order). */
  #inIndexOrder = true;
  readonly runs: string[] = [];
  entries = 0;

  constructor(
    directory: string,
    readonly prefix = 'run',
    runEntries = RUN_ENTRIES,
  ) {
    this.#directory = directory;
    this.#runEntries = runEntries;
    this.#indices = new Uint32Array(runEntries);
  }

  add(key: string, sort: string, index: number): void {
    const at = this.#keys.length;
    if (at > 0 && index < this.#indices[at - 1]!) this.#inIndexOrder = false;
    this.#indices[at] = index;
    this.#keys.push(key);
    this.#sorts.push(sort);
    this.entries++;
    if (this.#keys.length === this.#runEntries) this.#writeRun();
  }

  /**
   * The run's entries ordered by key, then index. Entries added in index order only need their keys sorted:
   * the distinct keys are sorted once (the default sort compares strings by UTF-16 code units, as `<`
   * does, without calling back into JS) and a stable counting sort by key rank keeps the insertion — that
   * is index — order inside each key. Many entries share a key (a frequent name, a year), and a comparator
   * called for every pair of entries was most of the blocking phase.
   */
  #order(): Uint32Array {
    const keys = this.#keys;
    const count = keys.length;
    if (!this.#inIndexOrder) {
      const indices = this.#indices;
      return Uint32Array.from({ length: count }, (_, i) => i).sort((x, y) => compareKeys(keys[x]!, keys[y]!) || indices[x]! - indices[y]!);
    }
    const idOf = new Map<string, number>();
    const distinct: string[] = [];
    const keyIds = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      let id = idOf.get(key);
      if (id === undefined) {
        id = distinct.length;
        idOf.set(key, id);
        distinct.push(key);
      }
      keyIds[i] = id;
    }
    distinct.sort();
    const rankOf = new Int32Array(distinct.length);
    for (let rank = 0; rank < distinct.length; rank++) rankOf[idOf.get(distinct[rank]!)!] = rank;
    const next = new Int32Array(distinct.length + 1);
    for (let i = 0; i < count; i++) next[rankOf[keyIds[i]!]! + 1]!++;
    for (let rank = 0; rank < distinct.length; rank++) next[rank + 1]! += next[rank]!;
    const order = new Uint32Array(count);
    for (let i = 0; i < count; i++) order[next[rankOf[keyIds[i]!]!]!++] = i;
    return order;
  }

  #writeRun(): void {
    const keys = this.#keys;
    const sorts = this.#sorts;
    const indices = this.#indices;
    const order = this.#order();
    const path = join(this.#directory, `${this.prefix}-${this.runs.length}.bin`);
    const fd = openSync(path, 'w');
    let buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    let used = 0;
    for (let o = 0; o < order.length; o++) {
      const i = order[o]!;
      const key = keys[i]!;
      const sort = sorts[i]!;
      const needed = 12 + maxUtf8Bytes(key) + maxUtf8Bytes(sort);
      if (used + needed > buffer.length) {
        writeSync(fd, buffer, 0, used);
        used = 0;
        if (needed > buffer.length) buffer = Buffer.allocUnsafe(needed);
      }
      const keyLength = writeText(buffer, key, used + 4);
      buffer.writeUInt32LE(keyLength, used);
      used += 4 + keyLength;
      const sortLength = writeText(buffer, sort, used + 4);
      buffer.writeUInt32LE(sortLength, used);
      used += 4 + sortLength;
      buffer.writeUInt32LE(indices[i]!, used);
      used += 4;
    }
    writeSync(fd, buffer, 0, used);
    closeSync(fd);
    this.runs.push(path);
    this.#keys = [];
    this.#sorts = [];
    this.#inIndexOrder = true;
  }

  /** Writes the last, partial run; returns the run files. */
  finish(): string[] {
    if (this.#keys.length > 0) this.#writeRun();
    return this.runs;
  }
}

/** Reads one run file's entries in order, a chunk at a time. */
class RunReader {
  readonly #fd: number;
  #buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
  #start = 0;
  #end = 0;
  #position = 0;
  key = '';
  sort = '';
  index = 0;

  constructor(path: string, readonly run: number) {
    this.#fd = openSync(path, 'r');
  }

  /** Moves to the next entry; false (and the file closed) at the end. */
  next(): boolean {
    if (!this.#ensure(4)) return this.#close();
    const keyLength = this.#buffer.readUInt32LE(this.#start);
    if (!this.#ensure(8 + keyLength)) throw new Error('truncated blocking-key run file');
    const sortLength = this.#buffer.readUInt32LE(this.#start + 4 + keyLength);
    const size = 12 + keyLength + sortLength;
    if (!this.#ensure(size)) throw new Error('truncated blocking-key run file');
    const at = this.#start;
    this.key = this.#buffer.toString('utf8', at + 4, at + 4 + keyLength);
    this.sort = this.#buffer.toString('utf8', at + 8 + keyLength, at + 8 + keyLength + sortLength);
    this.index = this.#buffer.readUInt32LE(at + 8 + keyLength + sortLength);
    this.#start += size;
    return true;
  }

  #ensure(bytes: number): boolean {
    if (this.#end - this.#start >= bytes) return true;
    const left = this.#end - this.#start;
    if (bytes > this.#buffer.length) {
      const bigger = Buffer.allocUnsafe(bytes * 2);
      this.#buffer.copy(bigger, 0, this.#start, this.#end);
      this.#buffer = bigger;
    } else this.#buffer.copy(this.#buffer, 0, this.#start, this.#end);
    this.#start = 0;
    this.#end = left;
    const read = readSync(this.#fd, this.#buffer, left, this.#buffer.length - left, this.#position);
    this.#position += read;
    this.#end += read;
    return this.#end >= bytes;
  }

  #close(): false {
    closeSync(this.#fd);
    return false;
  }
}

/** A block: the records that share one blocking key, in index order, with their sort strings. */
export interface KeyBlock {
  key: string;
  members: number[];
  sorts: string[];
}

/**
 * The second half of the external sort: merges the runs and yields each key's block, keys in ascending
 * order (a binary heap over the runs' current entries; equal keys come out run by run, so in index order).
 */
export function* mergeRuns(paths: readonly string[], onEntry?: () => void): Generator<KeyBlock> {
  const heap: RunReader[] = [];
  const before = (x: RunReader, y: RunReader) => (x.key === y.key ? x.run < y.run : x.key < y.key);
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  };
  paths.forEach((path, run) => {
    const reader = new RunReader(path, run);
    if (reader.next()) heap.push(reader);
  });
  for (let i = Math.floor(heap.length / 2) - 1; i >= 0; i--) siftDown(i);
  let current: KeyBlock | null = null;
  while (heap.length > 0) {
    const top = heap[0]!;
    onEntry?.();
    if (current && current.key === top.key) {
      current.members.push(top.index);
      current.sorts.push(top.sort);
    } else {
      if (current) yield current;
      current = { key: top.key, members: [top.index], sorts: [top.sort] };
    }
    if (!top.next()) {
      const last = heap.pop()!;
      if (heap.length === 0) break;
      heap[0] = last;
    }
    siftDown(0);
  }
  if (current) yield current;
}
