import { describe, expect, it } from 'vitest';
import { arabicConsonantSkeleton, normaliseArabicLetters } from './arabic.ts';
import { latinArabicSkeletons } from './latin-arabic-skeleton.ts';

const arabic = (token: string) => arabicConsonantSkeleton(normaliseArabicLetters(token));

describe('Arabic-like skeletons of Latin spellings', () => {
  it.each([
    ['alaui', 'علوي'],
    ['mejri', 'ماجري'],
    ['mohamed', 'محمد'],
    ['ahmad', 'أحمد'],
    ['youssef', 'يوسف'],
    ['elfatih', 'الفاتح'],
  ])('%s can be written as %s', (latin, written) => {
    expect(latinArabicSkeletons(latin)).toContain(arabic(written));
  });

  it('gives the form without long vowels when the Arabic spelling has short ones', () => {
    expect(latinArabicSkeletons('hasan')).toEqual(['hsn', 'hsn']);
    expect(latinArabicSkeletons('husein')[1]).toBe('hsn');
  });

  it('keeps digraphs as one consonant and drops doubled letters', () => {
    expect(latinArabicSkeletons('khadija')).toEqual(['khdyj', 'khdj']);
    expect(latinArabicSkeletons('rachid')[0]).toBe('rshyd');
  });
});
