import type { ComparableNameField } from '../engine/comparable.ts';
import { EMPTY_STRING_ID, NameFieldProfiles, type NameFieldProfile } from './name-field-profile.ts';
import { PairLevelTable } from './pair-level-table.ts';
import { damerauLevenshtein, jaroWinkler, jaroWinklerAtMost } from './string-similarity.ts';

/** Name levels, strongest first (index 0 = missing on either side). */
export const NAME_LEVELS = ['missing', 'exact', 'variant', 'fuzzy', 'weak', 'else'] as const;
export const NAME_EXACT = 1;
export const NAME_VARIANT = 2;
export const NAME_FUZZY = 3;
export const NAME_WEAK = 4;
export const NAME_ELSE = 5;

function shareAny(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return true;
  return false;
}

/**
 * Rounding slack for the Jaro–Winkler bound: a bound this far below a threshold proves the exact value is below
 * it too, whatever the last bits of either computation.
 */
const BOUND_SLACK = 1e-9;

/** Whether some token of one field and some token of the other are at least `threshold` alike (Jaro–Winkler on folded forms). */
function someTokensAlike(a: NameFieldProfile, b: NameFieldProfile, threshold: number): boolean {
  for (const x of a.tokenFolds) {
    for (const y of b.tokenFolds) {
      if (jaroWinklerAtMost(x, y) < threshold - BOUND_SLACK) continue;
      if (jaroWinkler(x, y) >= threshold) return true;
    }
  }
  return false;
}

/** Whether a Latin field could be the transliteration of an Arabic one (their Arabic skeletons are close). */
function sameWrittenInArabic(a: NameFieldProfile, b: NameFieldProfile): boolean {
  const [arabic, latin] = a.arabicScript ? [a, b] : [b, a];
  const written = arabic.arabicSkeletons[0];
  if (!written || written.length < 2) return false;
  return latin.arabicSkeletons.some((form) => form === written || (written.length >= 3 && jaroWinkler(form, written) >= 0.9));
}

/** N-7/N-9/N-10 level of two name fields; strings tested for equality are compared by their interned ids. */
function nameLevel(a: NameFieldProfile, b: NameFieldProfile): number {
  if (a.joinedId === b.joinedId || a.sortedJoinedId === b.sortedJoinedId || (a.bareId !== EMPTY_STRING_ID && a.bareId === b.bareId)) return NAME_EXACT;
  if ((a.typedCompactId !== EMPTY_STRING_ID && a.typedCompactId === b.typedCompactId) || a.joinedId === b.typedCompactId || a.typedCompactId === b.joinedId) return NAME_EXACT;
  if (a.foldedId === b.foldedId || shareAny(a.aliasIds, b.aliasIds)) return NAME_VARIANT;
  // Across scripts the Latin form of the Arabic side is a guess: its consonants are what carry over.
  if (a.arabicScript !== b.arabicScript && (jaroWinkler(a.skeleton, b.skeleton) >= 0.9 || sameWrittenInArabic(a, b))) return NAME_VARIANT;
  // Most pairs that get this far are unrelated names: when even the bound is below the lowest threshold
  // asked (0.8), the exact similarity is too, and any value below 0.8 gives the same answers.
  const whole = jaroWinklerAtMost(a.folded, b.folded) < 0.8 - BOUND_SLACK ? 0 : jaroWinkler(a.folded, b.folded);
  if (whole >= 0.92 || damerauLevenshtein(a.joined, b.joined, 1) <= 1 || (a.typedCompact !== '' && damerauLevenshtein(a.typedCompact, b.typedCompact, 1) <= 1)) return NAME_FUZZY;
  // One token on each side: the token forms are the field forms, so the best token pair is `whole`.
  const tokensAlike = a.tokenFolds.length === 1 && b.tokenFolds.length === 1 ? whole >= 0.92 : someTokensAlike(a, b, 0.92);
  if (tokensAlike || whole >= 0.8 || shareAny(a.skeletonIds, b.skeletonIds)) return NAME_WEAK;
  return NAME_ELSE;
}

/**
 * Name levels remembered per pair of name contents (see NameFieldProfile): candidate pairs repeat name pairs
 * heavily (a frequent name meets its variants again and again). Fields are never changed after they are
 * built, so a remembered level stays right.
 */
const remembered = new PairLevelTable();
const profiles = new NameFieldProfiles(() => remembered.clear());

/** N-7/N-9/N-10 levels for one pair of name fields (0 when either is missing). */
export function compareNameFields(a: ComparableNameField | null, b: ComparableNameField | null): number {
  if (!a || !b) return 0;
  const pa = profiles.of(a);
  const pb = profiles.of(b);
  // The same content on both sides (a block of one name): exact, without a memo lookup.
  if (pa === pb) return NAME_EXACT;
  const known = remembered.get(pa.id, pb.id);
  if (known >= 0) return known;
  const level = nameLevel(pa, pb);
  remembered.set(pa.id, pb.id, level);
  return level;
}

/** Forgets the interned name fields and every remembered level (a phase that compares no more names). */
export function forgetNameComparisons(): void {
  profiles.forget();
}

/** Forgets remembered name levels (benchmarks measure scoring from a cold memo); returns the counts. */
export function clearNameComparisonMemo(): { hits: number; misses: number } {
  const counts = { hits: remembered.hits, misses: remembered.misses };
  remembered.clear();
  return counts;
}
