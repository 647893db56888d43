import type { ComparableRecord } from './comparable.ts';
import { compareRecordsInto, FAMILY_RELATIVES, FIELD, NAME_LEVEL, NATIONALITY_IMPLIED, PHONE_LEVEL } from './compare-records.ts';
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

/**
 * log2 frequency of the name value a pair agrees on (exactly, as variants or with a typo), or NaN (no
 * term-frequency adjustment). The more frequent of the two spellings is the value: a typo of a common name
 * (Alaoiu for Alaoui) is as weak evidence as the common name itself; in a swapped pair each side's name is
 * looked up in the field it was written in.
 */
function agreedFrequencyLog(vector: Uint8Array, a: ComparableRecord, b: ComparableRecord, field: 'given' | 'family', statistics: RecordStatistics): number {
  if (!agrees(vector[field === 'given' ? FIELD.given : FIELD.family]!)) return Number.NaN;
  // In a swapped pair, a's given name was compared with b's family name (and the reverse).
  const otherField = vector[FIELD.nameOrder] === NAME_ORDER_SWAPPED ? (field === 'given' ? 'family' : 'given') : field;
  const keyA = a[field]?.frequencyKey;
  const keyB = b[otherField]?.frequencyKey;
  // Each record is asked only about its own key in its own field (all the streaming batch can answer).
  const frequency = Math.max(keyA ? statistics.nameFrequency(field, keyA) : 0, keyB ? statistics.nameFrequency(otherField, keyB) : 0);
  return frequency === 0 ? Number.NaN : Math.log2(Math.max(frequency, 1e-6));
}

const NAME_ORDER_SWAPPED = 2;
/** The name levels that say the two names are one (exactly, as variants, or but for a typo). */
const agrees = (level: number) => level >= NAME_LEVEL.exact && level <= NAME_LEVEL.fuzzy;

/** Compares two prepared records in the context of the whole set (shared phones, name frequencies). */
export function comparePair(a: ComparableRecord, b: ComparableRecord, otherColumns: readonly string[], statistics: RecordStatistics): PairComparison {
  const comparison: PairComparison = { vector: new Uint8Array(FIELD.firstOther + otherColumns.length), givenLog: Number.NaN, familyLog: Number.NaN };
  return comparePairInto(a, b, otherColumns, statistics, comparison);
}

/**
 * comparePair into a comparison the caller owns, whose vector has one level per field: callers that write
 * each pair out at once (the streaming batch, the scoring benchmark) reuse one and allocate nothing per pair.
 */
export function comparePairInto(a: ComparableRecord, b: ComparableRecord, otherColumns: readonly string[], statistics: RecordStatistics, into: PairComparison): PairComparison {
  const vector = into.vector;
  compareRecordsInto(a, b, otherColumns, vector);
  // A shared number (a household's, an association's) is no evidence either way (N-12).
  if (vector[FIELD.phone] === PHONE_LEVEL.same && statistics.phoneUse(a.prepared.phone!) === 'shared') vector[FIELD.phone] = PHONE_LEVEL.shared;
  // A swapped pair that agrees on one name only: the agreeing name is a family name written first on one
  // side (Jammeh Sekou against Ousmane Jammeh) — read it in the family slot, so kinship is recognised below.
  if (vector[FIELD.nameOrder] === NAME_ORDER_SWAPPED && agrees(vector[FIELD.given]!) && vector[FIELD.family]! >= NAME_LEVEL.weak) {
    vector[FIELD.family] = vector[FIELD.given]!;
    vector[FIELD.given] = NAME_LEVEL.else;
  }
  const given = vector[FIELD.given]!;
  const family = vector[FIELD.family]!;
  // Fellegi–Sunter adds evidence as if fields were independent, but relatives share a family name (and a
  // birth date, for twins): when the given names are unrelated, the family name's agreement is kinship.
  const relatives = given >= NAME_LEVEL.weak && agrees(family);
  if (relatives) vector[FIELD.family] = FAMILY_RELATIVES;
  // Names carry their origin: where both agree, the same nationality adds nothing they did not say.
  if (vector[FIELD.nationality] === 1 && given >= NAME_LEVEL.exact && given <= NAME_LEVEL.variant && family >= NAME_LEVEL.exact && family <= NAME_LEVEL.variant) {
    vector[FIELD.nationality] = NATIONALITY_IMPLIED;
  }
  into.givenLog = relatives ? Number.NaN : agreedFrequencyLog(vector, a, b, 'given', statistics);
  into.familyLog = relatives ? Number.NaN : agreedFrequencyLog(vector, a, b, 'family', statistics);
  return into;
}
