import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { KeyBlock } from './key-runs.ts';

/** Blocks per comparison task are chosen so a task holds about this many pairs (before deduplication). */
const PAIRS_PER_TASK = 100_000;
const BUFFER_BYTES = 1 << 20;

/** A byte range of the block file, compared by one worker task. */
export interface BlockRange {
  start: number;
  end: number;
}

/**
 * The blocks worth comparing (2 … maxBlockSize members, in pairing order: sorted-neighbourhood order for
 * large blocks), written in key order as
 * [u32 key bytes][key UTF-8][u32 member count][u32 member index…], and cut into tasks of about
 * PAIRS_PER_TASK pairs. Task boundaries depend only on the data, so results do not depend on the number of
 * worker threads.
 */
export class BlockFileWriter {
  readonly #fd: number;
  #buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  #used = 0;
  #written = 0;
  #taskStart = 0;
  #taskPairs = 0;
  readonly tasks: BlockRange[] = [];
  blocks = 0;
  pairsUpperBound = 0;

  constructor(readonly path: string) {
    this.#fd = openSync(path, 'w');
  }

  /** Adds a block, its members in pairing order; `pairs` is how many pairs it emits (to size the tasks). */
  add(block: Pick<KeyBlock, 'key' | 'members'>, pairs: number): void {
    const needed = 8 + Buffer.byteLength(block.key) + 4 * block.members.length;
    if (this.#used + needed > this.#buffer.length) this.#flush();
    if (needed > this.#buffer.length) this.#buffer = Buffer.allocUnsafe(needed);
    const length = this.#buffer.write(block.key, this.#used + 4);
    this.#buffer.writeUInt32LE(length, this.#used);
    let at = this.#used + 4 + length;
    this.#buffer.writeUInt32LE(block.members.length, at);
    for (const member of block.members) this.#buffer.writeUInt32LE(member, (at += 4));
    this.#used += needed;
    this.blocks++;
    this.pairsUpperBound += pairs;
    this.#taskPairs += pairs;
    if (this.#taskPairs >= PAIRS_PER_TASK) this.#cutTask();
  }

  #offset(): number {
    return this.#written + this.#used;
  }

  #cutTask(): void {
    this.tasks.push({ start: this.#taskStart, end: this.#offset() });
    this.#taskStart = this.#offset();
    this.#taskPairs = 0;
  }

  #flush(): void {
    writeSync(this.#fd, this.#buffer, 0, this.#used);
    this.#written += this.#used;
    this.#used = 0;
  }

  finish(): BlockRange[] {
    if (this.#offset() > this.#taskStart) this.#cutTask();
    this.#flush();
    closeSync(this.#fd);
    return this.tasks;
  }
}

/** The blocks of one task's byte range, in order. */
export function* readBlocks(path: string, range: BlockRange): Generator<Pick<KeyBlock, 'key' | 'members'>> {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.allocUnsafe(range.end - range.start);
    readSync(fd, bytes, 0, bytes.length, range.start);
    let at = 0;
    while (at < bytes.length) {
      const length = bytes.readUInt32LE(at);
      const key = bytes.toString('utf8', at + 4, at + 4 + length);
      at += 4 + length;
      const count = bytes.readUInt32LE(at);
      const members: number[] = new Array(count);
      for (let i = 0; i < count; i++) members[i] = bytes.readUInt32LE(at + 4 + 4 * i);
      at += 4 + 4 * count;
      yield { key, members };
    }
  } finally {
    closeSync(fd);
  }
}
