import { clearNameComparisonMemo, compareNameFields, NAME_ELSE, NAME_EXACT, NAME_FUZZY, NAME_LEVELS, NAME_VARIANT, NAME_WEAK } from '../compare/name-levels.ts';
import { damerauLevenshtein, jaroWinkler } from '../compare/string-similarity.ts';
import type { ComparisonSpec } from '../model/fellegi-sunter.ts';
import { compareDatesOfBirth, type DateOfBirthComparison } from '../normalise/date-of-birth.ts';
import type { ComparableRecord } from './comparable.ts';

export { clearNameComparisonMemo, compareNameFields };

const DOB_LEVELS: readonly (DateOfBirthComparison | 'missing')[] = [
  'missing', 'exact', 'day_month_swapped', 'same_year_partial', 'calendar_offset', 'year_off_by_one', 'within_two_years', 'different', 'far', 'conflicting', 'one_digit',
];
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

function compareOther(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const similarity = jaroWinkler(a, b);
  if (similarity >= 0.92 || damerauLevenshtein(a, b, 1) <= 1) return 2;
  if (similarity >= 0.75) return 3;
  return 4;
}

/** Reused for every date comparison: the options are read, never kept. */
const dobOptions: { originA: string | null; originB: string | null } = { originA: null, originB: null };

/**
 * A pair's comparison vector. Names are compared in both orientations (given↔given and given↔family) and
 * the better one is kept, with `nameOrder` saying which: swaps at registration are frequent (N-7).
 */
export function compareRecords(a: ComparableRecord, b: ComparableRecord, otherColumns: readonly string[]): Uint8Array {
  const vector = new Uint8Array(FIELD.firstOther + otherColumns.length);
  compareRecordsInto(a, b, otherColumns, vector);
  return vector;
}

/** compareRecords into a vector the caller owns (and may reuse): every level is written. */
export function compareRecordsInto(a: ComparableRecord, b: ComparableRecord, otherColumns: readonly string[], vector: Uint8Array): void {
  const given = compareNameFields(a.given, b.given);
  const family = compareNameFields(a.family, b.family);
  let order = a.given && b.given && a.family && b.family ? 1 : 0;
  vector[FIELD.given] = given;
  vector[FIELD.family] = family;
  if (order === 1 && given + family > 2 * NAME_VARIANT) {
    const swappedGiven = compareNameFields(a.given, b.family);
    // Levels are at least 1: when the first swapped level alone rules the swap out, the second is not needed.
    const swappedFamily = swappedGiven + 1 >= given + family ? NAME_ELSE : compareNameFields(a.family, b.given);
    if (swappedGiven + swappedFamily < given + family) {
      vector[FIELD.given] = swappedGiven;
      vector[FIELD.family] = swappedFamily;
      order = 2;
    }
  }
  vector[FIELD.nameOrder] = order;
  const pa = a.prepared;
  const pb = b.prepared;
  if (pa.dob && pb.dob) {
    dobOptions.originA = a.origin;
    dobOptions.originB = b.origin;
    vector[FIELD.dob] = dobLevel(compareDatesOfBirth(pa.dob, pb.dob, dobOptions));
  } else vector[FIELD.dob] = 0;
  vector[FIELD.sex] = pa.sex && pb.sex ? (pa.sex === pb.sex ? 1 : 2) : 0;
  vector[FIELD.phone] = pa.phone && pb.phone ? (pa.phone === pb.phone ? 1 : 2) : 0;
  vector[FIELD.nationality] =
    pa.nationality && pb.nationality
      ? pa.nationality === pb.nationality || pa.nationalityAlternatives.includes(pb.nationality) || pb.nationalityAlternatives.includes(pa.nationality)
        ? 1
        : 2
      : 0;
  for (let i = 0; i < otherColumns.length; i++) {
    const column = otherColumns[i]!;
    vector[FIELD.firstOther + i] = compareOther(pa.other[column], pb.other[column]);
  }
}

/** The index of a date level in DOB_LEVELS (a switch: the level names are constants, compared by identity). */
function dobLevel(level: DateOfBirthComparison): number {
  switch (level) {
    case 'missing':
      return 0;
    case 'exact':
      return 1;
    case 'day_month_swapped':
      return 2;
    case 'same_year_partial':
      return 3;
    case 'calendar_offset':
      return 4;
    case 'year_off_by_one':
      return 5;
    case 'within_two_years':
      return 6;
    case 'different':
      return 7;
    case 'far':
      return 8;
    case 'conflicting':
      return 9;
    case 'one_digit':
      return 10;
  }
}
// The switch must follow the spec's level order: a reordered DOB_LEVELS fails here, at load, not in a score.
DOB_LEVELS.forEach((level, index) => {
  if (dobLevel(level) !== index) throw new Error(`dobLevel: "${level}" is not at index ${index}`);
});

export const NAME_LEVEL = { exact: NAME_EXACT, variant: NAME_VARIANT, fuzzy: NAME_FUZZY, weak: NAME_WEAK, else: NAME_ELSE } as const;
