import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, jaro, jaroWinkler } from './string-similarity.ts';

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
});
