import type { ComparableRecord } from './comparable.ts';
import { compareRecords, FAMILY_RELATIVES, FIELD, NAME_LEVEL, NATIONALITY_IMPLIED, PHONE_LEVEL } from './compare-records.ts';
import type { RecordStatistics } from './record-statistics.ts';

/**
 * Everything the model weighs for one pair: the level of each field, and for the name values the pair
 * agrees on, log2 of their frequency (NaN where there is none) for term-frequency adjustment.
 */
export interface PairComparison {
  vector: Uint8Array;
  givenLog: number;
  familyLog: number;
}

/** log2 frequency of the name value a pair agrees on, or NaN (no term-frequency adjustment). */
function agreedFrequencyLog(vector: Uint8Array, a: ComparableRecord, b: ComparableRecord, field: 'given' | 'family', statistics: RecordStatistics): number {
  const swapped = vector[FIELD.nameOrder] === 2;
  const other = field === 'given' ? (swapped ? b.family : b.given) : swapped ? b.given : b.family;
  const level = vector[field === 'given' ? FIELD.given : FIELD.family]!;
  const key = a[field]?.frequencyKey;
  if ((level !== NAME_LEVEL.exact && level !== NAME_LEVEL.variant) || !key || key !== other?.frequencyKey) return Number.NaN;
  return Math.log2(Math.max(statistics.nameFrequency(field, key), 1e-6));
}

/** Compares two prepared records in the context of the whole set (shared phones, name frequencies). */
export function comparePair(a: ComparableRecord, b: ComparableRecord, otherColumns: readonly string[], statistics: RecordStatistics): PairComparison {
  const vector = compareRecords(a, b, otherColumns);
  // A shared number (a household's, an association's) is no evidence either way (N-12).
  if (vector[FIELD.phone] === PHONE_LEVEL.same && statistics.phoneUse(a.prepared.phone!) === 'shared') vector[FIELD.phone] = PHONE_LEVEL.shared;
  // Fellegi–Sunter adds evidence as if fields were independent, but relatives share a family name (and a
  // birth date, for twins): when the given names are unrelated, the family name's agreement is kinship.
  const family = vector[FIELD.family]!;
  if (vector[FIELD.given]! >= NAME_LEVEL.weak && family >= NAME_LEVEL.exact && family <= NAME_LEVEL.fuzzy) {
    vector[FIELD.family] = FAMILY_RELATIVES;
    const given = vector[FIELD.given]!;
  if (vector[FIELD.nationality] === 1 && given >= 1 && given <= NAME_LEVEL.variant && family >= 1 && family <= NAME_LEVEL.variant) {
    vector[FIELD.nationality] = NATIONALITY_IMPLIED;
  }
  return { vector, givenLog: Number.NaN, familyLog: Number.NaN };
  }
  const given = vector[FIELD.given]!;
  if (vector[FIELD.nationality] === 1 && given >= 1 && given <= NAME_LEVEL.variant && family >= 1 && family <= NAME_LEVEL.variant) {
    vector[FIELD.nationality] = NATIONALITY_IMPLIED;
  }
  return { vector, givenLog: agreedFrequencyLog(vector, a, b, 'given', statistics), familyLog: agreedFrequencyLog(vector, a, b, 'family', statistics) };
}
