/** The three languages of Sanad. French is the default (DESIGN §8); Arabic is written right to left. */
export const LANGUAGES = [
  // Labels are each language's own name, never translated: they are how a reader finds their language.
  { code: 'fr', nativeName: 'Français', dir: 'ltr', intlLocale: 'fr-MA' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl', intlLocale: 'ar-MA' },
  { code: 'en', nativeName: 'English', dir: 'ltr', intlLocale: 'en-GB' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export const DEFAULT_LANGUAGE: LanguageCode = 'fr';
export const NAMESPACES = ['common', 'auth', 'admin', 'errors'] as const;

export function isLanguage(value: unknown): value is LanguageCode {
  return LANGUAGES.some((language) => language.code === value);
}

export function languageInfo(code: LanguageCode) {
  return LANGUAGES.find((language) => language.code === code)!;
}
