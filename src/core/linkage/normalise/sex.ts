/**
 * N-13 Sex: French H/F (H = homme = male), English M/F, full words in French, English and Arabic, and
 * "other" → 'M' | 'F' | 'X' | null. 'F' is female in both languages; 'M' is male in English and
 * "masculin" in French, so both readings agree. Anything else (including "inconnu") is null.
 */
import { BoundedCache } from './bounded-cache.ts';

export type Sex = 'M' | 'F' | 'X';

const SEX_BY_KEY = new Map<string, Sex>();
function define(sex: Sex, keys: string[]): void {
  for (const key of keys) SEX_BY_KEY.set(key, sex);
}
define('M', [
  'h', 'm', 'homme', 'masculin', 'masc', 'garcon', 'male', 'man', 'boy', 'mr', 'monsieur',
  'ذكر', 'مذكر', 'رجل', 'ولد',
]);
define('F', [
  'f', 'femme', 'feminin', 'fem', 'fille', 'female', 'woman', 'girl', 'mme', 'mlle', 'madame', 'mrs', 'ms', 'miss',
  'انثي', 'مونث', 'امراه', 'بنت',
]);
define('X', ['x', 'autre', 'other', 'nonbinaire', 'nonbinary', 'غيرذلك', 'اخر']);

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const ARABIC_FOLD: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي' };

// Same folding idea as the nationality key: case, diacritics, spaces and punctuation do not matter.
function foldSexKey(text: string): string {
  const decomposed = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  let key = '';
  for (const ch of decomposed) {
    const c = ch.charCodeAt(0);
    if (c >= 0x61 && c <= 0x7a) key += ch;
    else if (c >= 0x0621 && c <= 0x064a) key += ARABIC_FOLD[ch] ?? ch;
  }
  return key;
}

// A column holds a handful of spellings, repeated on every row: each is folded once (bounded, in case
// a column is free text).
const sexCache = new BoundedCache<string, Sex | null>(1000);

/** N-13: raw sex field → 'M' | 'F' | 'X', or null when missing or not recognised. */
export function normaliseSex(raw: string | undefined | null): Sex | null {
  if (raw === undefined || raw === null) return null;
  const cached = sexCache.get(raw);
  if (cached !== undefined) return cached;
  return sexCache.set(raw, SEX_BY_KEY.get(foldSexKey(raw)) ?? null);
}
