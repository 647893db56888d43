import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { DEFAULT_LIMIT, decodeCursor, encodeCursor, ListQuery, MAX_LIMIT, pageOf } from './pagination.ts';

function validationErrorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

describe('ListQuery', () => {
  it('defaults the limit to 50 and reads query-string numbers', () => {
    expect(ListQuery.parse({})).toEqual({ limit: DEFAULT_LIMIT });
    expect(ListQuery.parse({ limit: '20' })).toEqual({ limit: 20 });
  });

  it('clamps limits above 500 instead of rejecting them', () => {
    expect(ListQuery.parse({ limit: '500' }).limit).toBe(MAX_LIMIT);
    expect(ListQuery.parse({ limit: '501' }).limit).toBe(MAX_LIMIT);
    expect(ListQuery.parse({ limit: '1000000' }).limit).toBe(MAX_LIMIT);
  });

  it('rejects limits that are not positive integers', () => {
    for (const limit of ['0', '-1', '2.5', 'ten']) {
      expect(ListQuery.safeParse({ limit }).success, limit).toBe(false);
    }
  });

  it('passes the cursor through and bounds its length', () => {
    expect(ListQuery.parse({ cursor: 'abc' })).toEqual({ limit: DEFAULT_LIMIT, cursor: 'abc' });
    expect(ListQuery.safeParse({ cursor: 'x'.repeat(501) }).success).toBe(false);
  });
});

describe('cursors', () => {
  it('round-trip any key of strings and numbers', () => {
    // Any text PostgreSQL can hold (no NUL), including non-ASCII names.
    const text = fc.string({ unit: 'binary' }).filter((v) => !v.includes('\u0000'));
    const key = fc.array(fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(key, (k) => {
        const decoded = decodeCursor(encodeCursor(k), k.length);
        // JSON has no -0: it comes back as 0, which sorts the same.
        expect(decoded).toEqual(k.map((v) => (Object.is(v, -0) ? 0 : v)));
      }),
      { numRuns: 200 },
    );
  });

  it('check each part against the shape the list declares', () => {
    const id = '0190b3a0-0000-7000-8000-000000000002';
    expect(decodeCursor(encodeCursor(['nadia@afm.demo', id]), ['string', 'uuid'])).toEqual(['nadia@afm.demo', id]);
    expect(decodeCursor(encodeCursor([42]), ['int'])).toEqual([42]);
    for (const [key, shape] of [
      [['x', 'not-a-uuid'], ['string', 'uuid']],
      [[1.5], ['int']],
      [['42'], ['int']],
      [[2 ** 60], ['int']],
      [[7, id], ['string', 'uuid']],
    ] as const) {
      expect(() => decodeCursor(encodeCursor(key), shape), JSON.stringify(key)).toThrow(AppError);
    }
  });

  it('refuse text with NUL, which PostgreSQL cannot hold', () => {
    expect(() => decodeCursor(encodeCursor(['a\u0000b', 1]), 2)).toThrow(AppError);
  });

  it('are opaque URL-safe text', () => {
    expect(encodeCursor(['nadia@afm.demo', '0190b3a0-0000-7000-8000-000000000002'])).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('treat a missing cursor as the first page', () => {
    expect(decodeCursor(undefined, 2)).toBeNull();
    expect(decodeCursor('', 2)).toBeNull();
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['JSON that is not an array', Buffer.from('{"a":1}').toString('base64url')],
    ['an array of the wrong length', encodeCursor(['a'])],
    ['an array with other values', Buffer.from('[null, {}]').toString('base64url')],
  ])('reject %s with VALIDATION_FAILED on the cursor', (_what, cursor) => {
    const error = validationErrorOf(() => decodeCursor(cursor, 2));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.status).toBe(400);
    expect(error.details).toEqual([{ path: 'cursor', message: 'Unknown cursor.' }]);
  });
});

describe('pageOf', () => {
  const rows = Array.from({ length: 4 }, (_, i) => ({ name: `n${i}`, id: i }));
  const present = (r: { name: string }) => r.name;
  const key = (r: { name: string; id: number }) => [r.name, r.id];

  it('keeps `limit` rows and points the cursor after the last one when a row more was fetched', () => {
    const page = pageOf(rows, 3, present, key);
    expect(page.items).toEqual(['n0', 'n1', 'n2']);
    expect(decodeCursor(page.nextCursor!, 2)).toEqual(['n2', 2]);
  });

  it('ends with a null cursor when no row more was fetched', () => {
    expect(pageOf(rows, 4, present, key)).toEqual({ items: ['n0', 'n1', 'n2', 'n3'], nextCursor: null });
    expect(pageOf([], 4, present, key)).toEqual({ items: [], nextCursor: null });
  });
});
