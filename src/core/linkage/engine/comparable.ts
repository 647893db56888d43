import { latinArabicSkeletons } from '../normalise/latin-arabic-skeleton.ts';
import { foldLatinDiacritics } from '../normalise/latin.ts';
import type { NameToken } from '../normalise/name.ts';
import { cleanUnicode } from '../normalise/unicode.ts';
import type { PreparedRecord } from './prepare-record.ts';

/** One name field, precomputed once per record for fast pairwise comparison. */
export interface ComparableNameField {
  tokens: readonly NameToken[];
  /** Compact tokens joined in order ("abdkader"), and sorted ("order-insensitive bag"). */
  joined: string;
  sortedJoined: string;
  /** Without particles (Ben Ali → ali), compact and joined. */
  bare: string;
  /** The field as typed, cleaned and without spaces, particles kept (AL-ALI → alali): joins and splits. */
  typedCompact: string;
  /** Consonant skeletons joined, the form that compares across scripts (العلوي ~ Alaoui). */
  skeleton: string;
  /** Whether a token was written in Arabic script (its Latin form is a transliteration guess). */
  arabicScript: boolean;
  /**
   * The field as Arabic consonant skeletons, for comparing across scripts: for a field written in Arabic,
   * its letters' skeleton; for a Latin one, how it could be written in Arabic (with and without long vowels,
   * and without a joined article: Elfatih ~ الفاتح, Alaoui ~ العلوي).
   */
  arabicSkeletons: readonly string[];
  folded: string;
  skeletons: ReadonlySet<string>;
  aliases: ReadonlySet<string>;
  /** The key whose frequency weighs an agreement (alias class or fold of the first token). */
  frequencyKey: string | null;
}

export interface ComparableRecord {
  prepared: PreparedRecord;
  given: ComparableNameField | null;
  family: ComparableNameField | null;
  origin: string | null;
}

const JOINED_ARTICLE = /^(al|el)(?=[^aeiou])/;

function arabicSkeletonsOf(tokens: readonly NameToken[]): string[] {
  if (tokens.some((token) => token.script === 'arabic')) {
    return [tokens.map((token) => token.arabicSkeleton ?? latinArabicSkeletons(token.folded)[0]).join('')];
  }
  const forms = new Set<string>();
  for (const strip of [false, true]) {
    const parts = tokens.map((token) => latinArabicSkeletons(strip ? token.folded.replace(JOINED_ARTICLE, '') : token.folded));
    forms.add(parts.map((p) => p[0]).join(''));
    forms.add(parts.map((p) => p[1]).join(''));
  }
  return [...forms].filter(Boolean);
}

function field(tokens: readonly NameToken[], bareTokens: readonly string[], key: string | null, typed: string | null): ComparableNameField | null {
  if (tokens.length === 0) return null;
  const compact = tokens.map((token) => token.compact);
  return {
    tokens,
    typedCompact: typed ? foldLatinDiacritics(cleanUnicode(typed)).replace(/[^a-z0-9]/g, '') : '',
    skeleton: tokens.map((token) => token.skeleton).join(''),
    arabicScript: tokens.some((token) => token.script === 'arabic'),
    arabicSkeletons: arabicSkeletonsOf(tokens),
    joined: compact.join(''),
    sortedJoined: [...compact].sort().join(''),
    bare: bareTokens.join('').replace(/ /g, ''),
    folded: tokens.map((token) => token.folded).join(''),
    skeletons: new Set(tokens.map((token) => token.skeleton).filter(Boolean)),
    aliases: new Set(tokens.map((token) => token.alias).filter((alias): alias is string => alias !== null)),
    frequencyKey: key,
  };
}

const CACHE_LIMIT = 20_000;
const fieldCache = new Map<string, ComparableNameField | null>();

/**
 * Everything `field` reads, as one string: equal keys build equal fields. The token list's own content is
 * in it too (every property), so the shared field's `tokens` are indistinguishable from the record's own.
 */
function fieldKey(tokens: readonly NameToken[], bareTokens: readonly string[], key: string | null, typed: string | null): string {
  // Only the typed text is free text, so it goes last: every part before it is free of control characters.
  let text = `${tokens.length}\u0000${key ?? '\u0002'}\u0000${bareTokens.join('\u0001')}`;
  for (const t of tokens) {
    text += `\u0000${t.normalised}\u0001${t.compact}\u0001${t.folded}\u0001${t.skeleton}\u0001${t.alias ?? '\u0002'}\u0001${t.metaphone.primary}\u0001${t.metaphone.secondary}\u0001${t.script}\u0001${t.lowConfidence ? 1 : 0}\u0001${t.arabicSkeleton ?? '\u0002'}`;
  }
  return typed === null ? `${text}\u0002` : `${text}\u0000${typed}`;
}

/**
 * One field object per distinct name input (names repeat heavily in a registry): building a field is most
 * of toComparable's work, and a shared object lets pair comparison remember levels per pair of fields.
 */
function sharedField(tokens: readonly NameToken[], bareTokens: readonly string[], key: string | null, typed: string | null): ComparableNameField | null {
  if (tokens.length === 0) return null;
  const cacheKey = fieldKey(tokens, bareTokens, key, typed);
  const cached = fieldCache.get(cacheKey);
  if (cached !== undefined) return cached;
  if (fieldCache.size >= CACHE_LIMIT) fieldCache.clear();
  const built = field(tokens, bareTokens, key, typed);
  fieldCache.set(cacheKey, built);
  return built;
}

export function toComparable(prepared: PreparedRecord): ComparableRecord {
  const { name } = prepared;
  return {
    prepared,
    given: sharedField(name.givenTokens, name.variants.givenBare, name.keys.firstGiven, name.raw.given),
    family: sharedField(name.familyTokens, name.variants.familyBare, name.keys.familySkeleton, name.raw.family),
    origin: prepared.nationality,
  };
}
