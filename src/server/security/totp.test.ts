import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { matchTotp, newTotpSecret, totpCode, totpStep } from './totp.ts';

/** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890"; its 8-digit codes end in these 6 digits. */
const RFC_SECRET = Secret.fromLatin1('12345678901234567890').base32;
const RFC_VECTORS: Array<[number, string]> = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
];

describe('TOTP codes', () => {
  it.each(RFC_VECTORS)('matches the RFC 6238 test vector at T=%i', (seconds, code) => {
    expect(totpCode(RFC_SECRET, totpStep(new Date(seconds * 1000)))).toBe(code);
  });

  it('makes 160-bit base32 secrets, different each time', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });
});

describe('matchTotp', () => {
  const at = new Date('2026-03-02T09:00:10Z');
  const step = totpStep(at);
  const code = (offset: number) => totpCode(RFC_SECRET, step + offset);

  it('accepts the current step and one on either side, and says which', () => {
    expect(matchTotp(code(0), RFC_SECRET, at, null)).toBe(step);
    expect(matchTotp(code(-1), RFC_SECRET, at, null)).toBe(step - 1);
    expect(matchTotp(code(1), RFC_SECRET, at, null)).toBe(step + 1);
    expect(matchTotp(code(2), RFC_SECRET, at, null)).toBeNull();
    expect(matchTotp(code(-2), RFC_SECRET, at, null)).toBeNull();
  });

  it('refuses the last used step and older ones (replay)', () => {
    expect(matchTotp(code(0), RFC_SECRET, at, step)).toBeNull();
    expect(matchTotp(code(-1), RFC_SECRET, at, step)).toBeNull();
    expect(matchTotp(code(1), RFC_SECRET, at, step)).toBe(step + 1);
    expect(matchTotp(code(0), RFC_SECRET, at, step - 1)).toBe(step);
  });

  it('reads codes typed with a space, and refuses other lengths and non-digits', () => {
    expect(matchTotp(`${code(0).slice(0, 3)} ${code(0).slice(3)}`, RFC_SECRET, at, null)).toBe(step);
    expect(matchTotp(code(0).slice(0, 5), RFC_SECRET, at, null)).toBeNull();
    expect(matchTotp(`${code(0)}0`, RFC_SECRET, at, null)).toBeNull();
    expect(matchTotp('abcdef', RFC_SECRET, at, null)).toBeNull();
    expect(matchTotp('', RFC_SECRET, at, null)).toBeNull();
  });
});
