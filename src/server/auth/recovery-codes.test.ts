import { describe, expect, it } from 'vitest';
import { generateRecoveryCodes, hashRecoveryCode, normaliseRecoveryCode } from './recovery-codes.ts';

describe('recovery codes', () => {
  it('are ten distinct xxxx-xxxx-xxxx codes of Crockford base32 (no i, l, o, u)', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
  });

  it('use every symbol of the alphabet (no bias towards a subset)', () => {
    const symbols = new Set(generateRecoveryCodes(200).join('').replace(/-/g, ''));
    expect(symbols.size).toBe(32);
  });

  it('read what people type: case, spaces, missing hyphens and look-alike letters', () => {
    expect(normaliseRecoveryCode(' AB1C-D0EF-gh2j ')).toBe('ab1cd0efgh2j');
    expect(normaliseRecoveryCode('abIc dOef gh2j')).toBe('ab1cd0efgh2j');
    expect(normaliseRecoveryCode('ablc-doef-gh2j')).toBe('ab1cd0efgh2j');
    expect(hashRecoveryCode('AB1C D0EF GH2J').equals(hashRecoveryCode('ab1c-d0ef-gh2j'))).toBe(true);
    expect(hashRecoveryCode('ab1c-d0ef-gh2k').equals(hashRecoveryCode('ab1c-d0ef-gh2j'))).toBe(false);
  });
});
