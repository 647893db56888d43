/**
 * N-12 Phone: as typed → E.164, default region MA.
 *
 * We use libphonenumber-js with its 'min' metadata. 'min' checks the length and the leading digits of each
 * region; 'max' also checks the full digit patterns of every number type (it rejects e.g. Moroccan 08… and
 * Senegalese 33 1… numbers that 'min' accepts). For linkage the number is an equality key, not a dial
 * target: a number outside today's numbering plan still identifies the person who gave it, so the looser
 * check is the right one, and 'min' is half the size for the browser.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { BoundedCache } from './bounded-cache.ts';

export const DEFAULT_PHONE_REGION: CountryCode = 'MA';

export type PhoneResult =
  | { readonly e164: string; readonly reason?: undefined }
  | { readonly e164: null; readonly reason: 'missing' | 'malformed' };

const MISSING: PhoneResult = Object.freeze({ e164: null, reason: 'missing' });
const MALFORMED: PhoneResult = Object.freeze({ e164: null, reason: 'malformed' });

// Separators people type inside a number: spaces (incl. no-break), dots, dashes, slashes, brackets.
const SEPARATORS = /[\s.\-‐‑‒–—/()[\]]+/g;
const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;
const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
const toAsciiDigit = (d: string): string => {
  const c = d.charCodeAt(0);
  return String(c >= EXTENDED_ARABIC_INDIC_ZERO ? c - EXTENDED_ARABIC_INDIC_ZERO : c - ARABIC_INDIC_ZERO);
};
// After cleaning, only an optional + and digits are a phone number (letters, e.g. "néant", are not).
const DIALABLE = /^\+?\d{3,20}$/;

// Parsing is the costly part of preparing a record, and the same typed number recurs (a person registered
// several times, a household's or an association's number): results are remembered per typed text, in
// one cache per default region (a key without the region prefix is hashed faster).
const CACHE_LIMIT = 20_000;
const caches = new Map<CountryCode, BoundedCache<string, PhoneResult>>();

/** N-12: raw phone → E.164 ("+212612345678"), or null with 'missing' / 'malformed'. */
export function normalisePhone(raw: string | undefined | null, defaultRegion: CountryCode = DEFAULT_PHONE_REGION): PhoneResult {
  if (raw === undefined || raw === null) return MISSING;
  let cache = caches.get(defaultRegion);
  if (!cache) caches.set(defaultRegion, (cache = new BoundedCache(CACHE_LIMIT)));
  return cache.get(raw) ?? cache.set(raw, parsePhone(raw, defaultRegion));
}

function parsePhone(raw: string, defaultRegion: CountryCode): PhoneResult {
  let text = raw.replace(SEPARATORS, '').replace(ARABIC_DIGITS, toAsciiDigit);
  if (text === '') return MISSING;
  if (text.startsWith('00')) text = '+' + text.slice(2);
  if (!DIALABLE.test(text)) return MALFORMED;
  const parsed = parsePhoneNumberFromString(text, defaultRegion);
  if (parsed === undefined || !parsed.isValid()) return MALFORMED;
  return Object.freeze({ e164: parsed.number });
}
