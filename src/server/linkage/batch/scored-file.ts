import { endianness } from 'node:os';
import { forEachFixedSizeChunk } from './fixed-size-chunks.ts';
import { SCORED_BYTES } from './score-comparisons.ts';

/** Scored pairs read at a time (1 MiB). */
const CHUNK_PAIRS = 65_536;

/**
 * Reads scored files ([u32 a][u32 b][f64 probability] little-endian, see score-comparisons.ts) in large
 * chunks and hands each chunk to `visit` as typed-array views of the same bytes: pair k's records are
 * `ids[4k]` and `ids[4k + 1]`, its probability `probabilities[2k + 1]`. A loop over the views allocates
 * nothing per pair, where a generator yielding a tuple per pair allocated tens of millions of them.
 */
export function forEachScoredChunk(files: readonly string[], visit: (ids: Uint32Array, probabilities: Float64Array, count: number) => void): void {
  // Typed arrays read in the machine's byte order; the files are little-endian on every machine.
  if (endianness() !== 'LE') throw new Error('the streaming batch reads its scored files as little-endian typed arrays');
  const bytes = new ArrayBuffer(CHUNK_PAIRS * SCORED_BYTES);
  const buffer = Buffer.from(bytes);
  const ids = new Uint32Array(bytes);
  const probabilities = new Float64Array(bytes);
  forEachFixedSizeChunk(files, buffer, SCORED_BYTES, (count) => visit(ids, probabilities, count));
}
