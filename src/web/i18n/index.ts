import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, languageInfo, NAMESPACES, type LanguageCode } from './languages';

/** The language chosen before sign-in (the login page's buttons); after sign-in the account's wins. */
const STORAGE_KEY = 'sanad.language';

// Each language's files are their own chunks, fetched when the language is first used: a phone downloads
// one language, not three. A switch waits for its files before changing anything, so the page never shows
// a mix of languages or raw keys, and the layout does not jump while a file loads.
const loaders = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { import: 'default' });
const loaded = new Set<string>();

async function loadLanguage(code: LanguageCode): Promise<void> {
  if (loaded.has(code)) return;
  const files = Object.entries(loaders).filter(([path]) => path.startsWith(`./locales/${code}/`));
  await Promise.all(
    files.map(async ([path, load]) => {
      const namespace = /\/(\w+)\.json$/.exec(path)![1]!;
      i18next.addResourceBundle(code, namespace, await load(), true, true);
    }),
  );
  loaded.add(code);
}

export function storedLanguage(): LanguageCode {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be disabled (private browsing): fall back to the default.
  }
  return DEFAULT_LANGUAGE;
}

/** Applies a language to i18next and to <html lang dir>, and remembers it on this device. */
export async function applyLanguage(code: LanguageCode): Promise<void> {
  const info = languageInfo(code);
  await loadLanguage(code);
  document.documentElement.lang = code;
  document.documentElement.dir = info.dir;
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Not remembered on this device; the account still remembers it after sign-in.
  }
  if (i18next.language !== code) await i18next.changeLanguage(code);
}

export async function initI18n(): Promise<typeof i18next> {
  const language = storedLanguage();
  await i18next.use(initReactI18next).init({
    resources: {},
    lng: language,
    // No fallback language to download: the locale tests guarantee every language has every key.
    fallbackLng: false,
    partialBundledLanguages: true,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await loadLanguage(language);
  await applyLanguage(language);
  return i18next;
}

/** The Intl locale for numbers and dates in the current language (Arabic formats with ar-MA). */
export function intlLocale(code: string): string {
  return isLanguage(code) ? languageInfo(code).intlLocale : 'fr-MA';
}
