import { describe, expect, it } from 'vitest';
import { arabicConsonantSkeleton, arabicToMrz, guessArabicLatin, mrzNameToFields, normaliseArabicLetters, splitArabicArticle, transliterateOtherScript } from './arabic.ts';

describe('N-3 Arabic letter normalisation', () => {
  it('drops harakat (U+064B–U+065F, U+0670)', () => {
    expect(normaliseArabicLetters('مُحَمَّد')).toBe('محمد');
    expect(normaliseArabicLetters('رَحْمٰن')).toBe('رحمن');
  });

  it('unifies alef forms, alef maksura, teh marbuta, hamza carriers (CAMeL style)', () => {
    expect(normaliseArabicLetters('أحمد')).toBe('احمد');
    expect(normaliseArabicLetters('إبراهيم')).toBe('ابراهيم');
    expect(normaliseArabicLetters('آدم')).toBe('ادم');
    expect(normaliseArabicLetters('موسى')).toBe('موسي');
    expect(normaliseArabicLetters('فاطمة')).toBe('فاطمه');
    expect(normaliseArabicLetters('مؤمن')).toBe('مومن');
    expect(normaliseArabicLetters('عائشة')).toBe('عايشه');
  });

  it('maps Persian/Urdu letters', () => {
    expect(normaliseArabicLetters('کریم')).toBe('كريم');
    expect(normaliseArabicLetters('گل')).toBe('كل');
    expect(normaliseArabicLetters('ہ')).toBe('ه');
  });

  it('maps Arabic-Indic and Extended digits to ASCII', () => {
    expect(normaliseArabicLetters('١٩٩٠')).toBe('1990');
    expect(normaliseArabicLetters('۱۳۶۹')).toBe('1369');
  });

  it('splits the article, also after و / ب / ل, but not from short words', () => {
    expect(splitArabicArticle('الحسن')).toEqual({ article: 'ال', rest: 'حسن' });
    expect(splitArabicArticle('والحسن')).toEqual({ article: 'وال', rest: 'حسن' });
    expect(splitArabicArticle('بالقاسم')).toEqual({ article: 'بال', rest: 'قاسم' });
    expect(splitArabicArticle('للحسن')).toEqual({ article: 'لال', rest: 'حسن' });
    expect(splitArabicArticle('الله')).toBeNull();
    expect(splitArabicArticle('حسن')).toBeNull();
  });
});

describe('N-3 transliteration', () => {
  it('gives the consonant skeleton of the table', () => {
    expect(arabicConsonantSkeleton('محمد')).toBe('mhmd');
    expect(arabicConsonantSkeleton(normaliseArabicLetters('خديجة'))).toBe('khdyjh');
    expect(arabicConsonantSkeleton('عثمان')).toBe('tmn');
    expect(arabicConsonantSkeleton('قاسم')).toBe('ksm');
    expect(arabicConsonantSkeleton('شريف')).toBe('shryf');
    expect(arabicConsonantSkeleton('ظريف')).toBe('zryf');
    expect(arabicConsonantSkeleton('غالي')).toBe('ghly');
  });

  it('guesses a vowelled Latin form for unknown names', () => {
    expect(guessArabicLatin('حسن')).toBe('hasan');
    expect(guessArabicLatin('كريم')).toBe('karim');
    expect(guessArabicLatin('نور')).toBe('nur');
    expect(guessArabicLatin('وليد')).toBe('walid');
  });

  it('falls back to any-ascii for Ethiopic and Tifinagh', () => {
    expect(transliterateOtherScript('ሰላም')).toBe('selam');
    expect(transliterateOtherScript('ⵜⴰⵎⴰⵣⵉⵖⵜ')).toMatch(/^[a-z]+$/);
  });
});

describe('N-3 ICAO 9303 MRZ forms', () => {
  it('writes Arabic in the X-scheme', () => {
    expect(arabicToMrz('محمد')).toBe('MXHMD');
    expect(arabicToMrz('أبو بكر')).toBe('XAEBW<BKR');
    expect(arabicToMrz('فاطمة')).toBe('FAXTTMXAH');
  });

  it('turns an MRZ name field into family and given text', () => {
    expect(mrzNameToFields('DIALLO<<MAMADOU<ALPHA<<<<<<<')).toEqual({ family: 'diallo', given: 'mamadou alpha' });
    expect(mrzNameToFields('ABDI<<<<<<')).toEqual({ family: 'abdi', given: '' });
  });
});
