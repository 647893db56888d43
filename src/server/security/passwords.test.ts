import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

describe('password policy', () => {
  it.each([
    ['short', 'Tr0ub4dor&3'],
    ['common', 'qwerty123456'],
    ['common padded with digits', 'password20241234'],
    ['repeated characters', 'aaaaaaaaaaaaaaaa'],
    ['contains the email', 'fatima.zahra-2021-ok'],
  ])('refuses a %s password', (_label, password) => {
    expect(passwordProblem(password, { email: 'fatima.zahra@afm.demo' })).not.toBeNull();
  });

  it('accepts a long uncommon passphrase, also in Arabic script', () => {
    expect(passwordProblem('caravane médicale Marrakech 78')).toBeNull();
    expect(passwordProblem('قافلة طبية في مراكش ٢٠٢١')).toBeNull();
  });

  it('generates passwords that meet the policy', () => {
    for (let i = 0; i < 50; i++) expect(passwordProblem(generatePassword())).toBeNull();
  });
});

describe('scrypt hashing', () => {
  it('verifies the right password only, with parameters carried in the hash', async () => {
    const hash = await hashPassword('caravane médicale Marrakech 78', 2 ** 10);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('caravane médicale Marrakech 78', hash)).toBe(true);
    expect(await verifyPassword('caravane medicale Marrakech 78', hash)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});
