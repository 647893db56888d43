import { describe, expect, it } from 'vitest';
import { findUnstorableText } from './text-guard.ts';

describe('findUnstorableText', () => {
  it('names the path to the first string or key holding NUL or an unpaired surrogate', () => {
    expect(findUnstorableText({ a: 'ok', b: ['x', 'y\u0000'] })).toEqual(['b', '1']);
    expect(findUnstorableText({ name: '\uD800 ' })).toEqual(['name']);
    expect(findUnstorableText({ name: 'a\uDC00' })).toEqual(['name']);
    expect(findUnstorableText({ ['k\u0000']: 1 })).toEqual(['k\u0000']);
    expect(findUnstorableText('\u0000')).toEqual([]);
  });

  it('passes well-formed text, including Arabic, bidi controls and astral characters', () => {
    expect(findUnstorableText({ name: 'جمعية\u202Eسند\u202C', emoji: '𝕊😀', n: 0, empty: null, list: [true, {}] })).toBeNull();
    expect(findUnstorableText(undefined)).toBeNull();
  });

  it('walks very deep nesting without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toHaveLength(200_000);
  });
});
