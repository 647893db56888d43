import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWat } from '../../../../scripts/compile-wat.ts';
import { DiceKernel } from './dice-kernel.ts';

function popcount(bytes: Uint8Array): number {
  let n = 0;
  for (const byte of bytes) for (let b = byte; b; b &= b - 1) n++;
  return n;
}

/** The reference: Dice of two filters, computed bit by bit in plain JavaScript. */
function dice(a: Uint8Array, b: Uint8Array): number {
  const and = a.map((byte, i) => byte & b[i]!);
  const total = popcount(a) + popcount(b);
  return total === 0 ? 0 : (2 * popcount(and)) / total;
}

function filters(count: number, bytes: number, seed: number, density = 0.5): Uint8Array {
  const out = new Uint8Array(count * bytes);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < out.length; i++) {
    let byte = 0;
    for (let bit = 0; bit < 8; bit++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      if ((state >>> 0) / 2 ** 32 < density) byte |= 1 << bit;
    }
    out[i] = byte;
  }
  return out;
}

describe('the Dice kernel', () => {
  it('is built from its source: compiling dice.wat reproduces the committed dice.wasm byte for byte', async () => {
    const source = await readFile(new URL('./dice.wat', import.meta.url), 'utf8');
    const committed = new Uint8Array(await readFile(new URL('./dice.wasm', import.meta.url)));
    expect(Buffer.from(await compileWat(source, 'dice.wat')).equals(Buffer.from(committed))).toBe(true);
  });

  it('scores every pair like plain JavaScript does, for 1,024-bit filters and other lengths', () => {
    for (const words of [16, 4, 3]) {
      const bytes = words * 8;
      const targets = filters(40, bytes, 7 * words);
      const queries = filters(9, bytes, 11 * words, 0.4);
      const kernel = new DiceKernel(words);
      kernel.setTargets(targets);
      const found = kernel.match(queries, 0);
      expect(found.query.length).toBe(9 * 40);
      for (let i = 0; i < found.query.length; i++) {
        const q = found.query[i]!;
        const t = found.target[i]!;
        const expected = dice(queries.subarray(q * bytes, (q + 1) * bytes), targets.subarray(t * bytes, (t + 1) * bytes));
        expect(found.score[i]).toBeCloseTo(expected, 6);
      }
    }
  });

  it('returns exactly the pairs at or above the threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0.2, max: 0.9, noNaN: true }), (seed, threshold) => {
        const targets = filters(25, 128, seed, 0.5);
        const queries = new Uint8Array([...targets.subarray(0, 128 * 3), ...filters(3, 128, seed + 1, 0.5)]);
        const kernel = new DiceKernel();
        kernel.setTargets(targets);
        const found = kernel.match(queries, threshold);
        const expected: string[] = [];
        for (let q = 0; q < 6; q++) {
          for (let t = 0; t < 25; t++) {
            if (dice(queries.subarray(q * 128, (q + 1) * 128), targets.subarray(t * 128, (t + 1) * 128)) >= threshold) expected.push(`${q}:${t}`);
          }
        }
        const got = Array.from(found.query, (q, i) => `${q}:${found.target[i]}`);
        expect([...got].sort()).toEqual([...expected].sort());
        // A filter matches itself perfectly.
        for (let q = 0; q < 3; q++) expect(got).toContain(`${q}:${q}`);
      }),
      { numRuns: 25 },
    );
  });

  it('says when more pairs matched than it may return, and scores empty filters 0', () => {
    const kernel = new DiceKernel();
    kernel.setTargets(filters(10, 128, 3));
    const capped = kernel.match(filters(2, 128, 3), 0, 5);
    expect(capped.query.length).toBe(5);
    expect(capped.truncated).toBe(true);
    kernel.setTargets(new Uint8Array(128));
    const empty = kernel.match(new Uint8Array(128), 0);
    expect(Array.from(empty.score)).toEqual([0]);
  });

  it('refuses filters of the wrong length and thresholds outside 0..1', () => {
    const kernel = new DiceKernel();
    expect(() => kernel.setTargets(new Uint8Array(100))).toThrow(/128-byte filters/);
    kernel.setTargets(new Uint8Array(128));
    expect(() => kernel.match(new Uint8Array(128), 1.5)).toThrow(/between 0 and 1/);
  });
});
