import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/server/errors/error-codes.ts';
import { checkLocales, pluralCategories, type LocaleSet } from '../../src/web/i18n/check-locales.ts';

const LOCALES_DIR = fileURLToPath(new URL('../../src/web/i18n/locales', import.meta.url));

function readLocales(): LocaleSet {
  const set: LocaleSet = {};
  for (const language of readdirSync(LOCALES_DIR)) {
    set[language] = {};
    for (const file of readdirSync(join(LOCALES_DIR, language)).filter((f) => f.endsWith('.json'))) {
      set[language]![file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(LOCALES_DIR, language, file), 'utf8'));
    }
  }
  return set;
}

/** A small valid set: the failing cases below each break it in one way. */
function validSet(): LocaleSet {
  return {
    en: { common: { save: 'Save', hello: 'Hello {{name}}', items_one: '{{count}} item', items_other: '{{count}} items' } },
    fr: {
      common: { save: 'Enregistrer', hello: 'Bonjour {{name}}', items_one: '{{count}} élément', items_many: '{{count}} d’éléments', items_other: '{{count}} éléments' },
    },
    ar: {
      common: {
        save: 'حفظ',
        hello: 'مرحبًا {{name}}',
        items_zero: 'لا عناصر',
        items_one: 'عنصر واحد',
        items_two: 'عنصران',
        items_few: '{{count}} عناصر',
        items_many: '{{count}} عنصرًا',
        items_other: '{{count}} عنصر',
      },
    },
  };
}

describe('locale files', () => {
  it('French, Arabic and English have the same keys, the plural forms each language needs, and real translations', () => {
    const locales = readLocales();
    expect(Object.keys(locales).sort()).toEqual(['ar', 'en', 'fr']);
    expect(checkLocales(locales)).toEqual([]);
  });

  it('translate every error code the API can answer, in every language', () => {
    const locales = readLocales();
    for (const language of ['fr', 'ar', 'en']) {
      const errors = locales[language]!.errors as Record<string, string>;
      const missing = Object.keys(errorCodes).filter((code) => typeof errors[code] !== 'string');
      expect(missing, `${language}/errors.json lacks translations`).toEqual([]);
    }
  });

  it('know the plural categories of each language from Intl.PluralRules', () => {
    expect(pluralCategories('ar')).toHaveLength(6);
    expect(pluralCategories('fr')).toEqual(['many', 'one', 'other']);
    expect(pluralCategories('en')).toEqual(['one', 'other']);
  });
});

describe('the locale checks', () => {
  it('accept a complete set', () => {
    expect(checkLocales(validSet())).toEqual([]);
  });

  it('fail when a key is missing in one language', () => {
    const set = validSet();
    delete (set.fr!.common as Record<string, unknown>).save;
    expect(checkLocales(set)).toEqual(['fr common:save is missing']);
  });

  it('fail when an Arabic value is English', () => {
    const set = validSet();
    (set.ar!.common as Record<string, string>).save = 'Save';
    expect(checkLocales(set)).toEqual(['ar common:save has no Arabic script: "Save"', 'ar common:save is the English text: "Save"']);
  });

  it('fail when a French value was left in English', () => {
    const set = validSet();
    (set.fr!.common as Record<string, string>).save = 'Save';
    expect(checkLocales(set)).toEqual(['fr common:save is the English text: "Save"']);
  });

  it('fail when a plural form is absent (Arabic needs six, French three)', () => {
    const set = validSet();
    delete (set.ar!.common as Record<string, unknown>).items_two;
    delete (set.fr!.common as Record<string, unknown>).items_many;
    const problems = checkLocales(set);
    expect(problems).toContain('ar common:items lacks the plural form "two" (ar needs few, many, one, other, two, zero)');
    expect(problems).toContain('fr common:items lacks the plural form "many" (fr needs many, one, other)');
    expect(problems).toHaveLength(2);
  });

  it('fail when a translation drops a placeholder', () => {
    const set = validSet();
    (set.fr!.common as Record<string, string>).hello = 'Bonjour';
    expect(checkLocales(set)).toEqual(['fr common:hello uses placeholders {} instead of {name}']);
  });

  it('allow values with nothing to translate (numbers, placeholders, codes)', () => {
    const set = validSet();
    for (const language of ['en', 'fr', 'ar']) (set[language]!.common as Record<string, string>).code = 'IATI {{code}}';
    expect(checkLocales(set)).toEqual([]);
  });
});
