import { describe, expect, it } from 'vitest';
import { assertNoBidiControls, cleanUnicode, findBidiControls, LinkageInputError } from './unicode.ts';

describe('N-1 Unicode hygiene', () => {
  it('applies NFKC (fullwidth and ligatures)', () => {
    expect(cleanUnicode('ＭＯＨＡＭＥＤ')).toBe('mohamed');
    expect(cleanUnicode('ﬁrdaws')).toBe('firdaws');
  });

  it('strips zero-width marks, LRM/RLM/ALM, BOM and tatweel', () => {
    expect(cleanUnicode('Mo\u200Bha\u200Cmed\u200D')).toBe('mohamed');
    expect(cleanUnicode('\u200EFatima\u200F\uFEFF')).toBe('fatima');
    expect(cleanUnicode('محـــمد\u061C')).toBe('محمد');
  });

  it('maps every apostrophe-like character to nothing', () => {
    expect(cleanUnicode("Mu'ammar")).toBe('muammar');
    expect(cleanUnicode('Ba’albaki')).toBe('baalbaki');
    for (const apostrophe of ['’', '‘', 'ʼ', 'ʻ', 'ʾ', 'ʿ', '`', '´', "'"]) {
      expect(cleanUnicode(`N${apostrophe}Diaye`)).toBe('ndiaye');
    }
  });

  it('maps hyphens, dashes and underscore to a space, collapses whitespace and trims', () => {
    expect(cleanUnicode('  Abd  al-Rahman ')).toBe('abd al rahman');
    expect(cleanUnicode('Ben–Ali_Traoré—x')).toBe('ben ali traoré x');
    expect(cleanUnicode('Jean\t\nPierre')).toBe('jean pierre');
  });

  it('turns other punctuation into separators', () => {
    expect(cleanUnicode('M.Diallo')).toBe('m diallo');
    expect(cleanUnicode('N/A')).toBe('n a');
  });

  it('lower-cases independently of the locale', () => {
    expect(cleanUnicode('IBRAHIM')).toBe('ibrahim');
    expect(cleanUnicode('ÇELİK').normalize('NFD').replace(/\p{M}/gu, '')).toBe('celik');
  });
});

describe('N-1 bidi overrides and isolates are rejected', () => {
  it('finds each control with its code point and position', () => {
    expect(findBidiControls('Fatima')).toEqual([]);
    expect(findBidiControls('ab\u202Ecd\u2066')).toEqual([
      { codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE', index: 2 },
      { codePoint: 'U+2066', name: 'LEFT-TO-RIGHT ISOLATE', index: 5 },
    ]);
  });

  it('covers U+202A–U+202E and U+2066–U+2069, not LRM/RLM/ALM', () => {
    for (let cp = 0x202a; cp <= 0x202e; cp += 1) expect(findBidiControls(String.fromCodePoint(cp))).toHaveLength(1);
    for (let cp = 0x2066; cp <= 0x2069; cp += 1) expect(findBidiControls(String.fromCodePoint(cp))).toHaveLength(1);
    expect(findBidiControls('\u200E\u200F\u061C')).toEqual([]);
  });

  it('throws a LinkageInputError with code BIDI_CONTROL_IN_NAME, the character and its position', () => {
    expect(() => assertNoBidiControls('Ali\u202Eevil', 'family')).toThrow(LinkageInputError);
    try {
      assertNoBidiControls('Ali\u202Eevil', 'family');
    } catch (error) {
      const linkageError = error as LinkageInputError;
      expect(linkageError.code).toBe('BIDI_CONTROL_IN_NAME');
      expect(linkageError.message).toContain('U+202E RIGHT-TO-LEFT OVERRIDE at position 3');
      expect(linkageError.details.field).toBe('family');
    }
  });
});
