/**
 * Checks of the locale files (run by test/unit/locales.test.ts; pure, so it runs anywhere):
 * - every language has the same base keys in every namespace;
 * - each plural key has every form its language needs (Intl.PluralRules: Arabic six, French three);
 * - every Arabic value contains Arabic script;
 * - no French or Arabic value is the English one (a forgotten translation), except a short allowlist;
 * - a value uses the same {{placeholders}} in every language.
 */

export type LocaleTree = { [key: string]: string | LocaleTree };
/** language → namespace → tree */
export type LocaleSet = Record<string, Record<string, LocaleTree>>;

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;

/**
 * Values that may be the same in French (or Arabic) and English: words spelt alike in French and English,
 * as `namespace:key`. Values with no words to translate (numbers, {{placeholders}}, codes in capitals,
 * the brand "Sanad") are always allowed.
 */
export const SAME_AS_ENGLISH_ALLOWED = new Set<string>([
  'common:appName',
  'common:nav.administration',
]);

function untranslatable(value: string): boolean {
  const words = value.replace(PLACEHOLDER, '').replace(/\bSanad\b|\b[A-Z0-9]{2,}\b/g, '');
  return !/\p{L}/u.test(words);
}

export function flatten(tree: LocaleTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const baseKey = (key: string) => key.replace(PLURAL_SUFFIX, '');
const placeholders = (value: string) => [...value.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((n) => n !== 'count').sort();

export function pluralCategories(language: string): string[] {
  return [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
}

export function checkLocales(locales: LocaleSet, reference = 'en'): string[] {
  const problems: string[] = [];
  const languages = Object.keys(locales).sort();
  const namespaces = [...new Set(languages.flatMap((language) => Object.keys(locales[language]!)))].sort();

  for (const namespace of namespaces) {
    const flat = new Map(languages.map((language) => [language, flatten(locales[language]![namespace] ?? {})]));
    const bases = new Map(languages.map((language) => [language, new Set([...flat.get(language)!.keys()].map(baseKey))]));
    const allBases = [...new Set(languages.flatMap((language) => [...bases.get(language)!]))].sort();
    const pluralBases = new Set(
      languages.flatMap((language) => [...flat.get(language)!.keys()].filter((key) => PLURAL_SUFFIX.test(key)).map(baseKey)),
    );

    for (const language of languages) {
      if (!locales[language]![namespace]) problems.push(`${language}/${namespace}.json is missing`);
      for (const key of allBases) {
        if (!bases.get(language)!.has(key)) problems.push(`${language} ${namespace}:${key} is missing`);
      }
      for (const key of pluralBases) {
        if (!bases.get(language)!.has(key)) continue;
        for (const category of pluralCategories(language)) {
          if (!flat.get(language)!.has(`${key}_${category}`)) {
            problems.push(`${language} ${namespace}:${key} lacks the plural form "${category}" (${language} needs ${pluralCategories(language).join(', ')})`);
          }
        }
      }
    }

    const english = flat.get(reference) ?? new Map<string, string>();
    for (const language of languages) {
      for (const [key, value] of flat.get(language)!) {
        const id = `${namespace}:${key}`;
        if (language === 'ar' && !ARABIC_SCRIPT.test(value) && !untranslatable(value)) {
          problems.push(`ar ${id} has no Arabic script: "${value}"`);
        }
        const englishValue = english.get(key) ?? english.get(`${baseKey(key)}_other`);
        if (language !== reference && englishValue !== undefined) {
          if (value === englishValue && !untranslatable(value) && !SAME_AS_ENGLISH_ALLOWED.has(id)) {
            problems.push(`${language} ${id} is the English text: "${value}"`);
          }
          const expected = placeholders(englishValue).join(',');
          const actual = placeholders(value).join(',');
          if (expected !== actual) problems.push(`${language} ${id} uses placeholders {${actual}} instead of {${expected}}`);
        }
      }
    }
  }
  return problems;
}
