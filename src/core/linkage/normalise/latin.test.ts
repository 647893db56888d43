import { describe, expect, it } from 'vitest';
import { foldLatinDiacritics } from './latin.ts';

describe('N-4 Latin diacritics', () => {
  it.each([
    ['aïcha', 'aicha'],
    ['traoré', 'traore'],
    ['keïta', 'keita'],
    ['çelik', 'celik'],
    ['ngũgĩ', 'ngugi'],
  ])('strips combining marks: %s → %s', (input, output) => {
    expect(foldLatinDiacritics(input)).toBe(output);
  });

  it.each([
    ['straße', 'strasse'],
    ['ærø', 'aero'],
    ['cœur', 'coeur'],
    ['đorđe', 'dorde'],
    ['łukasz', 'lukasz'],
    ['yıldız', 'yildiz'],
  ])('maps letters that do not decompose: %s → %s', (input, output) => {
    expect(foldLatinDiacritics(input)).toBe(output);
  });

  it('leaves plain ASCII alone and never outputs anything outside [a-z0-9]', () => {
    expect(foldLatinDiacritics('mohamed2')).toBe('mohamed2');
    expect(foldLatinDiacritics('þórðr')).toMatch(/^[a-z0-9]+$/);
  });
});
