import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, jaro, jaroWinkler, jaroWinklerAtMost } from './string-similarity.ts';

/** Plain reference Jaro (flag arrays allocated per call), to check the buffered implementation against. */
function referenceJaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, (Math.max(a.length, b.length) >> 1) - 1);
  const usedB = new Array<boolean>(b.length).fill(false);
  const fromA: string[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j <= Math.min(b.length - 1, i + window); j++) {
      if (!usedB[j] && a[i] === b[j]) {
        usedB[j] = true;
        fromA.push(a[i]!);
        break;
      }
    }
  }
  const m = fromA.length;
  if (m === 0) return 0;
  const fromB = [...b].filter((_, j) => usedB[j]);
  const transpositions = fromA.filter((c, k) => c !== fromB[k]).length;
  return (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
}

/** Plain reference implementation of the optimal-string-alignment distance. */
function referenceOsa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('string similarities', () => {
  it('give the textbook Jaro and Jaro–Winkler values', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.9444, 4);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('', '')).toBe(0);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('measure Damerau–Levenshtein like the reference, and stop early past the limit', () => {
    expect(damerauLevenshtein('mohamed', 'mohammed')).toBe(1);
    expect(damerauLevenshtein('traore', 'taore')).toBe(1);
    expect(damerauLevenshtein('diallo', 'daillo')).toBe(1);
    expect(damerauLevenshtein('fatoumata', 'fatima', 1)).toBe(2);
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(damerauLevenshtein(a, b)).toBe(referenceOsa(a, b));
        const limited = damerauLevenshtein(a, b, 2);
        expect(limited).toBe(Math.min(referenceOsa(a, b), 3));
        expect(damerauLevenshtein(a, b, 1)).toBe(Math.min(referenceOsa(a, b), 2));
        expect(damerauLevenshtein(a, b, 0)).toBe(Math.min(referenceOsa(a, b), 1));
      }),
      { numRuns: 300 },
    );
  });

  it('keep Jaro–Winkler symmetric and within 0..1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 15 }), fc.string({ maxLength: 15 }), (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1 + 1e-12);
        expect(jaro(a, b)).toBeCloseTo(jaro(b, a), 12);
      }),
      { numRuns: 300 },
    );
  });

  it('give the reference Jaro on names one edit apart and on unrelated strings, call after call', () => {
    const name = fc.stringMatching(/^[a-z]{0,12}$/);
    const edit = fc.tuple(name, fc.nat(12), fc.constantFrom('insert', 'delete', 'substitute', 'swap'), fc.constantFrom('a', 'o', 'x'));
    fc.assert(
      fc.property(edit, name, ([a, at, kind, letter], c) => {
        const p = Math.min(at, a.length);
        const b =
          kind === 'insert' ? a.slice(0, p) + letter + a.slice(p)
          : kind === 'delete' ? a.slice(0, p) + a.slice(p + 1)
          : kind === 'substitute' ? a.slice(0, p) + letter + a.slice(p + 1)
          : a.slice(0, p) + a.slice(p + 1, p + 2) + a.slice(p, p + 1) + a.slice(p + 2);
        expect(jaro(a, b)).toBeCloseTo(referenceJaro(a, b), 12);
        expect(jaro(a, c)).toBeCloseTo(referenceJaro(a, c), 12);
        expect(damerauLevenshtein(a, b, 1)).toBe(Math.min(referenceOsa(a, b), 2));
      }),
      { numRuns: 500 },
    );
  });

  it('bound Jaro–Winkler from above, on names and on unrelated strings', () => {
    const name = fc.stringMatching(/^[a-e]{0,12}$/);
    fc.assert(
      fc.property(fc.oneof(name, fc.string({ maxLength: 12 })), fc.oneof(name, fc.string({ maxLength: 12 })), (a, b) => {
        expect(jaroWinklerAtMost(a, b)).toBeGreaterThanOrEqual(jaroWinkler(a, b));
      }),
      { numRuns: 2000 },
    );
    expect(jaroWinklerAtMost('diallo', 'mohamed')).toBeLessThan(0.8);
  });
});
