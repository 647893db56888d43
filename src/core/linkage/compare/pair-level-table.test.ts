import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairLevelTable } from './pair-level-table.ts';

describe('PairLevelTable', () => {
  it('remembers every ordered pair it is given, through growth and restarts, like a Map', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 7 })), { maxLength: 400 }), (pairs) => {
        // Tiny sizes: the table grows twice, then starts empty again.
        const table = new PairLevelTable(2, 4);
        const reference = new Map<string, number>();
        for (const [a, b, level] of pairs) {
          const known = table.get(a, b);
          const expected = reference.get(`${a},${b}`);
          // A remembered level is always the right one; after a restart the table may have forgotten it.
          if (known >= 0) expect(known).toBe(expected);
          else table.set(a, b, expected ?? level);
          if (expected === undefined) reference.set(`${a},${b}`, level);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('tells (a, b) from (b, a), counts hits and misses, and forgets on clear', () => {
    const table = new PairLevelTable();
    expect(table.get(1, 2)).toBe(-1);
    table.set(1, 2, 5);
    expect(table.get(1, 2)).toBe(5);
    expect(table.get(2, 1)).toBe(-1);
    expect({ hits: table.hits, misses: table.misses }).toEqual({ hits: 1, misses: 2 });
    table.clear();
    expect(table.get(1, 2)).toBe(-1);
    expect({ hits: table.hits, misses: table.misses }).toEqual({ hits: 0, misses: 1 });
  });
});
