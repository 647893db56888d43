import { readFileSync } from 'node:fs';

/** One match above the threshold: indices into the query batch and the target set, and the Dice score. */
export interface DiceMatches {
  query: Uint32Array;
  target: Uint32Array;
  score: Float32Array;
  /** True when more pairs reached the threshold than `maxMatches` allowed. */
  truncated: boolean;
}

interface KernelExports {
  memory: WebAssembly.Memory;
  popcounts(filters: number, count: number, words: number, out: number): void;
  dice_batch(
    queries: number,
    queryCounts: number,
    nQueries: number,
    targets: number,
    targetCounts: number,
    nTargets: number,
    words: number,
    threshold: number,
    out: number,
    maxOut: number,
  ): number;
}

const PAGE = 65_536;
const MATCH_BYTES = 12;
let compiled: WebAssembly.Module | null = null;

function kernelModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(readFileSync(new URL('./dice.wasm', import.meta.url)));
  return compiled;
}

/**
 * Dice similarity of Bloom-filter encodings in WebAssembly (`i64.popcnt`): a target set (the tokens of a
 * network) is loaded once with its popcounts; each call compares a whole batch of queries against it in
 * one crossing into Wasm and returns only the pairs at or above the threshold.
 *
 * Memory layout: [targets][target popcounts][queries][query popcounts][matches].
 */
export class DiceKernel {
  private readonly exports: KernelExports;
  private readonly bytesPerFilter: number;
  private targetCount = 0;
  private targetsEnd = 0;

  constructor(readonly words = 16) {
    if (!Number.isInteger(words) || words < 1) throw new RangeError('words must be a positive integer');
    this.exports = new WebAssembly.Instance(kernelModule()).exports as unknown as KernelExports;
    this.bytesPerFilter = words * 8;
  }

  get size(): number {
    return this.targetCount;
  }

  /** Loads the filters to search (n × words × 8 bytes, back to back), replacing any previous set. */
  setTargets(filters: Uint8Array): void {
    const count = this.countOf(filters);
    const countsAt = filters.length;
    this.targetsEnd = align8(countsAt + count * 4);
    this.ensure(this.targetsEnd);
    new Uint8Array(this.exports.memory.buffer, 0, filters.length).set(filters);
    this.exports.popcounts(0, count, this.words, countsAt);
    this.targetCount = count;
  }

  /** Every (query, target) pair of this batch with Dice ≥ threshold, at most `maxMatches` of them. */
  match(queries: Uint8Array, threshold: number, maxMatches = 1_000_000): DiceMatches {
    if (!(threshold >= 0 && threshold <= 1)) throw new RangeError('threshold must be between 0 and 1');
    const count = this.countOf(queries);
    const queriesAt = this.targetsEnd;
    const queryCountsAt = queriesAt + queries.length;
    const outAt = align8(queryCountsAt + count * 4);
    this.ensure(outAt + maxMatches * MATCH_BYTES);
    new Uint8Array(this.exports.memory.buffer, queriesAt, queries.length).set(queries);
    this.exports.popcounts(queriesAt, count, this.words, queryCountsAt);
    const targetCountsAt = this.targetCount * this.bytesPerFilter;
    const written = this.exports.dice_batch(queriesAt, queryCountsAt, count, 0, targetCountsAt, this.targetCount, this.words, threshold, outAt, maxMatches);
    const n = Math.min(written, maxMatches);
    const view = new DataView(this.exports.memory.buffer, outAt, n * MATCH_BYTES);
    const result: DiceMatches = { query: new Uint32Array(n), target: new Uint32Array(n), score: new Float32Array(n), truncated: written > maxMatches };
    for (let i = 0; i < n; i++) {
      result.query[i] = view.getUint32(i * MATCH_BYTES, true);
      result.target[i] = view.getUint32(i * MATCH_BYTES + 4, true);
      result.score[i] = view.getFloat32(i * MATCH_BYTES + 8, true);
    }
    return result;
  }

  private countOf(filters: Uint8Array): number {
    if (filters.length % this.bytesPerFilter !== 0) {
      throw new RangeError(`filters must be a whole number of ${this.bytesPerFilter}-byte filters`);
    }
    return filters.length / this.bytesPerFilter;
  }

  private ensure(bytes: number): void {
    const memory = this.exports.memory;
    if (bytes > 4 * 1024 ** 3) throw new RangeError('the Dice kernel needs more than 4 GiB of memory');
    if (bytes > memory.buffer.byteLength) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
