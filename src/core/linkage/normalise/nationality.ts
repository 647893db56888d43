/**
 * N-13 Nationality: free text in French, English or Arabic (country names, demonyms in both genders and
 * plural, ISO 3166-1 alpha-2/alpha-3 codes) → ISO 3166-1 alpha-3, plus the ICAO 9303 codes XXA (stateless),
 * XXB (refugee) and XXC (refugee, other) kept as distinct values.
 *
 * Country names come from i18n-iso-countries (its fr/en/ar JSON tables, imported directly so that this stays
 * pure code with no locale registration); demonyms and our decisions (Congo, Niger/Nigeria in Arabic) live
 * in data/nationalities.v1.json. Everything is folded once into one Map at module load; a lookup is one
 * fold and one or two Map reads.
 */
import countryCodes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import arNames from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import enNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import frNames from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import nationalityData from '../data/nationalities.v1.json' with { type: 'json' };

export const NATIONALITY_DATA_VERSION: number = nationalityData.version;

/** ICAO 9303 codes that are not countries. */
export const STATELESS = 'XXA';
export const REFUGEE = 'XXB';
export const REFUGEE_OTHER = 'XXC';
const ICAO_SPECIAL_CODES = [STATELESS, REFUGEE, REFUGEE_OTHER] as const;

export type NationalityResult =
  | {
      /** ISO 3166-1 alpha-3, or XXA/XXB/XXC. */
      readonly code: string;
      /** Other codes the text could mean (plain "congolais" → COD, alternatives [COG]). */
      readonly alternatives: readonly string[];
      readonly raw: string;
      readonly reason?: undefined;
    }
  | { readonly code: null; readonly alternatives: readonly string[]; readonly raw: string; readonly reason: 'missing' | 'unknown' };

interface MapEntry {
  code: string;
  alternatives: readonly string[];
}

/** One entry of data/nationalities.v1.json. */
interface NationalityDataEntry {
  code: string;
  alternatives?: string[];
  fr: string[];
  en: string[];
  ar: string[];
}

const NO_ALTERNATIVES: readonly string[] = Object.freeze([]);

// Arabic letters (U+0621–U+064A) and the Persian/Urdu letters that N-3 folds onto them are kept; harakat,
// tatweel, punctuation, spaces, hyphens and apostrophes are dropped so that the key is space-insensitive.
const ARABIC_FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي', 'ک': 'ك', 'ی': 'ي', 'ہ': 'ه', 'ە': 'ه', 'گ': 'ك',
};
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Case-, diacritic-, space- and punctuation-insensitive key: "Côte d'Ivoire" → "cotedivoire",
 * "Sierra-Léonaise" → "sierraleonaise", "سودانيّة" → "سودانيه".
 */
export function foldNationalityKey(text: string): string {
  const decomposed = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  let key = '';
  for (const ch of decomposed) {
    const c = ch.charCodeAt(0);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) key += ch;
    else if (c >= 0x0621 && c <= 0x064a) key += ARABIC_FOLD[ch] ?? ch;
    else if (ch === 'ß') key += 'ss';
    else {
      const folded = ARABIC_FOLD[ch];
      if (folded !== undefined) key += folded;
    }
  }
  return key;
}

const alpha2ToAlpha3Table = new Map<string, string>();
const alpha3ToAlpha2Table = new Map<string, string>();
for (const [alpha2, alpha3] of countryCodes as unknown as [string, string][]) {
  alpha2ToAlpha3Table.set(alpha2, alpha3);
  alpha3ToAlpha2Table.set(alpha3, alpha2);
}

/** ISO alpha-3 → alpha-2 (SOM → SO), for callers such as the Somali folding of N-8. Null for XXA/XXB/XXC. */
export function alpha3ToAlpha2(alpha3: string): string | null {
  return alpha3ToAlpha2Table.get(alpha3.toUpperCase()) ?? null;
}

/** ISO alpha-2 → alpha-3 (SO → SOM). */
export function alpha2ToAlpha3(alpha2: string): string | null {
  return alpha2ToAlpha3Table.get(alpha2.toUpperCase()) ?? null;
}

function frenchForms(masculine: string): string[] {
  const forms = [masculine, masculine + 'e', masculine + 's', masculine + 'es'];
  // ivoirien → ivoirienne, guinéen → guinéenne
  if (masculine.endsWith('n')) forms.push(masculine + 'ne', masculine + 'nes');
  return forms;
}
const englishForms = (form: string): string[] => [form, form + 's'];
// سوداني → سودانية (folded سودانيه), سودانيون, سودانيين
const arabicForms = (masculine: string): string[] => [masculine, masculine + 'ه', masculine + 'ون', masculine + 'ين'];

function buildTable(): Map<string, MapEntry> {
  const table = new Map<string, MapEntry>();
  const explicit: [string, MapEntry][] = [];
  const derived: [string, MapEntry][] = [];
  for (const entry of nationalityData.entries as readonly NationalityDataEntry[]) {
    const value: MapEntry = { code: entry.code, alternatives: entry.alternatives ?? NO_ALTERNATIVES };
    const groups: [string[], (form: string) => string[]][] = [
      [entry.fr, frenchForms],
      [entry.en, englishForms],
      [entry.ar, arabicForms],
    ];
    for (const [forms, inflect] of groups) {
      for (const form of forms) {
        const key = foldNationalityKey(form);
        explicit.push([key, value]);
        for (const inflected of inflect(key)) derived.push([inflected, value]);
      }
    }
  }
  // Priority: our explicit forms (they carry decisions such as Congo), then ISO codes, then the country
  // names of i18n-iso-countries, then derived inflections; a lower tier never overrides a higher one.
  for (const [key, value] of explicit) if (!table.has(key)) table.set(key, value);
  for (const [alpha2, alpha3] of alpha2ToAlpha3Table) {
    const value = { code: alpha3, alternatives: NO_ALTERNATIVES };
    if (!table.has(alpha2.toLowerCase())) table.set(alpha2.toLowerCase(), value);
    if (!table.has(alpha3.toLowerCase())) table.set(alpha3.toLowerCase(), value);
  }
  for (const code of ICAO_SPECIAL_CODES) table.set(code.toLowerCase(), { code, alternatives: NO_ALTERNATIVES });
  for (const names of [frNames.countries, enNames.countries, arNames.countries]) {
    for (const [alpha2, nameOrNames] of Object.entries(names)) {
      const alpha3 = alpha2ToAlpha3Table.get(alpha2);
      if (alpha3 === undefined) continue;
      for (const name of Array.isArray(nameOrNames) ? nameOrNames : [nameOrNames]) {
        const key = foldNationalityKey(name);
        const value = { code: alpha3, alternatives: NO_ALTERNATIVES };
        if (!table.has(key)) table.set(key, value);
        // Arabic names often come without the article: السودان / سودان.
        if (key.startsWith('ال') && !table.has(key.slice(2))) table.set(key.slice(2), value);
      }
    }
  }
  for (const [key, value] of derived) if (!table.has(key)) table.set(key, value);
  return table;
}

const TABLE = buildTable();

/** Number of folded keys known (for diagnostics and tests). */
export const NATIONALITY_KEY_COUNT = TABLE.size;

const NATIONALITY_CACHE_LIMIT = 10_000;
const nationalityCache = new Map<string, NationalityResult>();

/** N-13: free-text nationality → ISO alpha-3 (or XXA/XXB/XXC). Unknown text gives code null and keeps raw. */
export function normaliseNationality(raw: string | undefined | null): NationalityResult {
  const text = raw ?? '';
  // The same few dozen spellings recur on every row: fold each once.
  const cached = nationalityCache.get(text);
  if (cached) return cached;
  if (nationalityCache.size >= NATIONALITY_CACHE_LIMIT) nationalityCache.clear();
  const result = Object.freeze(lookupNationality(text));
  nationalityCache.set(text, result);
  return result;
}

function lookupNationality(text: string): NationalityResult {
  const key = foldNationalityKey(text);
  if (key === '') return { code: null, alternatives: NO_ALTERNATIVES, raw: text, reason: 'missing' };
  const found = TABLE.get(key) ?? (key.startsWith('ال') ? TABLE.get(key.slice(2)) : undefined);
  if (found === undefined) return { code: null, alternatives: NO_ALTERNATIVES, raw: text, reason: 'unknown' };
  return { code: found.code, alternatives: found.alternatives, raw: text };
}
