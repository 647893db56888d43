import { PairMemo } from '../compare/pair-memo.ts';
import { damerauLevenshtein, jaroWinkler } from '../compare/string-similarity.ts';
import type { ComparisonSpec } from '../model/fellegi-sunter.ts';
import { compareDatesOfBirth, type DateOfBirthComparison } from '../normalise/date-of-birth.ts';
import type { ComparableNameField, ComparableRecord } from './comparable.ts';

/** Name levels, strongest first (index 0 = missing on either side). */
const NAME_LEVELS = ['missing', 'exact', 'variant', 'fuzzy', 'weak', 'else'] as const;
const NAME_EXACT = 1;
const NAME_VARIANT = 2;
const NAME_FUZZY = 3;
const NAME_WEAK = 4;
const NAME_ELSE = 5;

const DOB_LEVELS: readonly (DateOfBirthComparison | 'missing')[] = [
  'missing', 'exact', 'day_month_swapped', 'same_year_partial', 'calendar_offset', 'year_off_by_one', 'within_two_years', 'different', 'far', 'conflicting',
];
const DOB_INDEX = new Map(DOB_LEVELS.map((level, index) => [level, index]));
const OTHER_LEVELS = ['missing', 'exact', 'close', 'similar', 'else'] as const;

/** The comparison specs for records with the given extra (`other=`) columns. */
export function comparisonSpecs(otherColumns: readonly string[]): ComparisonSpec[] {
  return [
    { field: 'given', levels: NAME_LEVELS },
    // "relatives": the family names agree but the given names are unrelated — siblings, twins, a parent and
    // child share the family name, so its agreement is no evidence (FAMILY_RELATIVES in pair-comparison.ts).
    { field: 'family', levels: [...NAME_LEVELS, 'relatives'], neutral: [FAMILY_RELATIVES] },
    { field: 'nameOrder', levels: ['missing', 'same', 'swapped'] },
    { field: 'dob', levels: DOB_LEVELS },
    { field: 'sex', levels: ['missing', 'same', 'different'] },
    // "shared": the same number, but one a household or an office gives (N-12) — no evidence either way.
    { field: 'phone', levels: ['missing', 'same', 'different', 'shared'], neutral: [PHONE_LEVEL.shared] },
    // "implied": the same nationality where both names already agree — names carry their origin, so the
    // agreement adds nothing the names did not say (NATIONALITY_IMPLIED in pair-comparison.ts).
    { field: 'nationality', levels: ['missing', 'same', 'different', 'implied'], neutral: [NATIONALITY_IMPLIED] },
    ...otherColumns.map((column) => ({ field: `other:${column}`, levels: OTHER_LEVELS })),
  ];
}

export const FAMILY_RELATIVES = NAME_LEVELS.length;
export const NATIONALITY_IMPLIED = 3;

export const PHONE_LEVEL = { same: 1, different: 2, shared: 3 } as const;

export const FIELD = { given: 0, family: 1, nameOrder: 2, dob: 3, sex: 4, phone: 5, nationality: 6, firstOther: 7 } as const;

function shareAny(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const value of a) if (b.has(value)) return true;
  return false;
}

/** The best Jaro–Winkler between any token of one field and any token of the other (on folded forms). */
function bestTokenSimilarity(a: ComparableNameField, b: ComparableNameField): number {
  let best = 0;
  for (const x of a.tokens) {
    for (const y of b.tokens) {
      const s = jaroWinkler(x.folded, y.folded);
      if (s > best) best = s;
    }
  }
  return best;
}

/** Whether a Latin field could be the transliteration of an Arabic one (their Arabic skeletons are close). */
function sameWrittenInArabic(a: ComparableNameField, b: ComparableNameField): boolean {
  const [arabic, latin] = a.arabicScript ? [a, b] : [b, a];
  const written = arabic.arabicSkeletons[0];
  if (!written || written.length < 2) return false;
  return latin.arabicSkeletons.some((form) => form === written || (written.length >= 3 && jaroWinkler(form, written) >= 0.9));
}

function compareNameFieldsUncached(a: ComparableNameField, b: ComparableNameField): number {
  if (a.joined === b.joined || a.sortedJoined === b.sortedJoined || (a.bare !== '' && a.bare === b.bare)) return NAME_EXACT;
  if ((a.typedCompact !== '' && a.typedCompact === b.typedCompact) || a.joined === b.typedCompact || a.typedCompact === b.joined) return NAME_EXACT;
  if (a.folded === b.folded || shareAny(a.aliases, b.aliases)) return NAME_VARIANT;
  // Across scripts the Latin form of the Arabic side is a guess: its consonants are what carry over.
  if (a.arabicScript !== b.arabicScript && (jaroWinkler(a.skeleton, b.skeleton) >= 0.9 || sameWrittenInArabic(a, b))) return NAME_VARIANT;
  const whole = jaroWinkler(a.folded, b.folded);
  if (whole >= 0.92 || damerauLevenshtein(a.joined, b.joined, 1) <= 1 || (a.typedCompact !== '' && damerauLevenshtein(a.typedCompact, b.typedCompact, 1) <= 1)) return NAME_FUZZY;
  // One token on each side: the token forms are the field forms, so the best token pair is `whole`.
  const best = a.tokens.length === 1 && b.tokens.length === 1 ? whole : bestTokenSimilarity(a, b);
  if (best >= 0.92 || whole >= 0.8 || shareAny(a.skeletons, b.skeletons)) return NAME_WEAK;
  return NAME_ELSE;
}

/**
 * Name levels remembered per pair of field objects: toComparable gives records with the same name input
 * the same field object, and candidate pairs repeat name pairs heavily (a frequent name meets its variants
 * again and again). Fields are never changed after they are built, so a remembered level stays right.
 */
const nameLevels = new PairMemo<ComparableNameField>(compareNameFieldsUncached);

/** N-7/N-9/N-10 levels for one pair of name fields. */
export function compareNameFields(a: ComparableNameField | null, b: ComparableNameField | null): number {
  if (!a || !b) return 0;
  return nameLevels.get(a, b);
}

/** Forgets remembered name levels (benchmarks measure scoring from a cold memo); returns the hit count. */
export function clearNameComparisonMemo(): { hits: number; misses: number } {
  const counts = { hits: nameLevels.hits, misses: nameLevels.misses };
  nameLevels.clear();
  return counts;
}

function compareOther(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const similarity = jaroWinkler(a, b);
  if (similarity >= 0.92 || damerauLevenshtein(a, b, 1) <= 1) return 2;
  if (similarity >= 0.75) return 3;
  return 4;
}

/**
 * A pair's comparison vector. Names are compared in both orientations (given↔given and given↔family) and
 * the better one is kept, with `nameOrder` saying which: swaps at registration are frequent (N-7).
 */
export function compareRecords(a: ComparableRecord, b: ComparableRecord, otherColumns: readonly string[]): Uint8Array {
  const vector = new Uint8Array(FIELD.firstOther + otherColumns.length);
  const given = compareNameFields(a.given, b.given);
  const family = compareNameFields(a.family, b.family);
  let order = a.given && b.given && a.family && b.family ? 1 : 0;
  vector[FIELD.given] = given;
  vector[FIELD.family] = family;
  if (order === 1 && given + family > 2 * NAME_VARIANT) {
    const swappedGiven = compareNameFields(a.given, b.family);
    const swappedFamily = compareNameFields(a.family, b.given);
    if (swappedGiven + swappedFamily < given + family) {
      vector[FIELD.given] = swappedGiven;
      vector[FIELD.family] = swappedFamily;
      order = 2;
    }
  }
  vector[FIELD.nameOrder] = order;
  const pa = a.prepared;
  const pb = b.prepared;
  vector[FIELD.dob] = DOB_INDEX.get(compareDatesOfBirth(pa.dob, pb.dob, { originA: a.origin, originB: b.origin })) ?? 0;
  vector[FIELD.sex] = pa.sex && pb.sex ? (pa.sex === pb.sex ? 1 : 2) : 0;
  vector[FIELD.phone] = pa.phone && pb.phone ? (pa.phone === pb.phone ? 1 : 2) : 0;
  vector[FIELD.nationality] =
    pa.nationality && pb.nationality
      ? pa.nationality === pb.nationality || pa.nationalityAlternatives.includes(pb.nationality) || pb.nationalityAlternatives.includes(pa.nationality)
        ? 1
        : 2
      : 0;
  otherColumns.forEach((column, i) => {
    vector[FIELD.firstOther + i] = compareOther(pa.other[column], pb.other[column]);
  });
  return vector;
}

export const NAME_LEVEL = { exact: NAME_EXACT, variant: NAME_VARIANT, fuzzy: NAME_FUZZY, weak: NAME_WEAK, else: NAME_ELSE } as const;
