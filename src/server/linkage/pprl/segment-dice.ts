import { RECORD_TOKEN_FIELDS, type RecordTokenField } from './record-tokens.ts';
import { SEGMENTS } from './token-schema.ts';

/** Filters as 32-bit words (128-byte filters, 32 words each), for per-segment popcounts in plain JS. */
export const FILTER_WORDS = 32;

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Word ranges of the segments, by field index (every segment starts and ends on a 32-bit boundary). */
export const SEGMENT_WORDS: ReadonlyArray<readonly [number, number]> = RECORD_TOKEN_FIELDS.map((field) => {
  const { offset, length } = SEGMENTS[field];
  if (offset % 32 !== 0 || length % 32 !== 0) throw new Error(`the segment of ${field} must be whole 32-bit words`);
  return [offset / 32, (offset + length) / 32] as const;
});

export const FIELD_INDEX = Object.fromEntries(RECORD_TOKEN_FIELDS.map((field, index) => [field, index])) as Readonly<Record<RecordTokenField, number>>;

/** Bits set in segment `field` (an index) of filter `i` of `words` (filters back to back). */
export function segmentPopcount(words: Uint32Array, i: number, field: number): number {
  const [from, to] = SEGMENT_WORDS[field]!;
  const base = i * FILTER_WORDS;
  let n = 0;
  for (let w = from; w < to; w++) n += popcount32(words[base + w]!);
  return n;
}

/** Bits set in both segment `fieldA` of filter `a` and segment `fieldB` of filter `b` (equal lengths). */
export function segmentOverlap(words: Uint32Array, a: number, fieldA: number, b: number, fieldB: number): number {
  const [fromA, toA] = SEGMENT_WORDS[fieldA]!;
  const [fromB] = SEGMENT_WORDS[fieldB]!;
  const baseA = a * FILTER_WORDS + fromA;
  const baseB = b * FILTER_WORDS + fromB;
  let n = 0;
  for (let w = 0; w < toA - fromA; w++) n += popcount32(words[baseA + w]! & words[baseB + w]!);
  return n;
}
