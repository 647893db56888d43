import { describe, expect, it } from 'vitest';
import { PairMemo } from './pair-memo.ts';

interface Named {
  name: string;
}

const lengthGap = (a: Named, b: Named) => Math.abs(a.name.length - b.name.length) + (a.name < b.name ? 100 : 0);

describe('PairMemo', () => {
  it('answers like the comparison, remembering each ordered pair', () => {
    let calls = 0;
    const memo = new PairMemo<Named>((a, b) => {
      calls++;
      return lengthGap(a, b);
    });
    const a = { name: 'awa' };
    const b = { name: 'mamadou' };
    expect(memo.get(a, b)).toBe(lengthGap(a, b));
    expect(memo.get(a, b)).toBe(lengthGap(a, b));
    expect(calls).toBe(1);
    // The reverse order is its own pair (a comparison need not be symmetric).
    expect(memo.get(b, a)).toBe(lengthGap(b, a));
    expect(calls).toBe(2);
    expect({ hits: memo.hits, misses: memo.misses }).toEqual({ hits: 1, misses: 2 });
  });

  it('never lends a remembered result to a copy, and leaves no visible trace on the objects', () => {
    const memo = new PairMemo<Named>(lengthGap);
    const a = { name: 'awa' };
    const b = { name: 'mamadou' };
    memo.get(a, b);
    const changedCopy = { ...a, name: 'fatoumata' };
    expect(memo.get(changedCopy, b)).toBe(lengthGap(changedCopy, b));
    expect(Object.keys(a)).toEqual(['name']);
    expect(JSON.stringify(a)).toBe('{"name":"awa"}');
  });

  it('works on frozen objects and stays right when slots collide', () => {
    // Two slots: most pairs collide and overwrite each other.
    const memo = new PairMemo<Named>(lengthGap, 1);
    const objects = ['a', 'bb', 'ccc', 'dddd', 'eeeee'].map((name, i) => (i % 2 ? Object.freeze({ name }) : { name }));
    for (let round = 0; round < 3; round++) {
      for (const x of objects) for (const y of objects) expect(memo.get(x, y)).toBe(lengthGap(x, y));
    }
    memo.clear();
    expect(memo.get(objects[0]!, objects[4]!)).toBe(lengthGap(objects[0]!, objects[4]!));
    expect({ hits: memo.hits, misses: memo.misses }).toEqual({ hits: 0, misses: 1 });
  });
});
