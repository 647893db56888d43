import { describe, expect, it } from 'vitest';
import { groupSecret, normaliseTotpCode, TOTP_CODE_PATTERN } from './totp-code';

describe('normaliseTotpCode', () => {
  it('drops the spaces and dashes apps and phones add', () => {
    expect(normaliseTotpCode(' 123 456 ')).toBe('123456');
    expect(normaliseTotpCode('123-456')).toBe('123456');
  });

  it('turns Arabic-Indic and Persian digits into ASCII digits', () => {
    expect(normaliseTotpCode('١٢٣ ٤٥٦')).toBe('123456');
    expect(normaliseTotpCode('۰۱۲۳۴۵')).toBe('012345');
  });

  it('leaves anything else for the pattern to refuse', () => {
    expect(TOTP_CODE_PATTERN.test(normaliseTotpCode('12345a'))).toBe(false);
    expect(TOTP_CODE_PATTERN.test(normaliseTotpCode('1234567'))).toBe(false);
    expect(TOTP_CODE_PATTERN.test(normaliseTotpCode('٠٠٠ ٠٠٠'))).toBe(true);
  });
});

describe('groupSecret', () => {
  it('cuts a secret into groups of four, the last one shorter', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPAB')).toEqual(['JBSW', 'Y3DP', 'EHPK', '3PXP', 'AB']);
    expect(groupSecret('')).toEqual([]);
  });
});
