import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.ts';

describe('BoundedCache', () => {
  it('keeps at most two generations and keeps an entry that is used', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3); // a and b are now the old generation
    expect(cache.get('a')).toBe(1); // moved back to the young generation (c, a)
    cache.set('d', 4); // young full: (c, a) becomes old, b is dropped
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.get('d')).toBe(4);
  });

  it('stores null values (only undefined means absent)', () => {
    const cache = new BoundedCache<string, number | null>(4);
    expect(cache.set('x', null)).toBeNull();
    expect(cache.get('x')).toBeNull();
    expect(cache.get('y')).toBeUndefined();
  });
});
