import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './browser.ts';

/**
 * The web app's own locale files, read by the tests: they find buttons and fields by the text a person sees
 * in that language, and a translation that changes does not break them (nor is it retyped here).
 */
export type Language = 'fr' | 'ar' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'ar', 'en'];

const LOCALES_DIR = join(REPO_ROOT, 'src', 'web', 'i18n', 'locales');
const cache = new Map<string, Record<string, unknown>>();

function namespace(language: Language, name: string): Record<string, unknown> {
  const key = `${language}/${name}`;
  let content = cache.get(key);
  if (!content) {
    content = JSON.parse(readFileSync(join(LOCALES_DIR, language, `${name}.json`), 'utf8')) as Record<string, unknown>;
    cache.set(key, content);
  }
  return content;
}

/**
 * The text of `key` ("ns:a.b", namespace common by default) in `language`, with `{{name}}` placeholders
 * filled from `values`. A missing key throws: a test must not look for a text the app cannot show.
 */
export function text(language: Language, key: string, values: Record<string, string | number> = {}): string {
  const [ns, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['common', key];
  let node: unknown = namespace(language, ns);
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`No text "${key}" in the ${language} locale files`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The plural form i18next picks for `count` (Intl.PluralRules), e.g. "account.recoveryRemaining". */
export function plural(language: Language, key: string, count: number, values: Record<string, string | number> = {}): string {
  const category = new Intl.PluralRules(language).select(count);
  return text(language, `${key}_${category}`, { count, ...values });
}

/** A pattern matching `value` exactly as a whole text (for accessible names and labels). */
export function exactly(value: string): RegExp {
  return new RegExp(`^\\s*${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** A pattern for a text with placeholders, any value standing for each (when a test does not know it). */
export function textPattern(language: Language, key: string): RegExp {
  const parts = text(language, key).split(/\{\{\s*\w+\s*\}\}/);
  return new RegExp(`^\\s*${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}\\s*$`);
}

/** Unicode direction marks and isolates: invisible, placed by the app around names and codes in Arabic. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A text as a person reads it: without the invisible direction marks. */
export function plain(value: string): string {
  return value.replace(BIDI_CONTROLS, '');
}

/** `text()` as read on screen (without direction marks), to compare with what a page shows. */
export function shown(language: Language, key: string, values: Record<string, string | number> = {}): string {
  return plain(text(language, key, values));
}
