import { RECORD_TOKEN_FIELDS, type RecordTokenField } from './record-tokens.ts';
import { FIELD_INDEX, FILTER_WORDS, segmentOverlap, segmentPopcount } from './segment-dice.ts';
import { TOKEN_WEIGHTS, type TokenWeights } from './token-weights.ts';

/**
 * Scores a pair of filters from their segments alone (still tokens only): Dice per field, turned into
 * comparison levels, each level with a Fellegi–Sunter weight (log2 m/u, token-weights.ts). One Dice over
 * the whole filter cannot tell "same name, born the same day" from "same name, born the same year" (the
 * namesakes and twins of the evaluation data): here the names and the parts of the birth date weigh apart.
 */
export const NAME_BANDS = [0.9, 0.75, 0.6, 0.45, 0.3] as const;
/** Two segments holding the same single token set exactly the same bits. */
const SAME_TOKEN = 0.99;

/** What the score needs of a set of encoded records: per-field Dice. */
export interface FieldComparer {
  /** Dice of field `fieldA` of `a` and `fieldB` of `b` (indices into RECORD_TOKEN_FIELDS); -1 when either is empty. */
  dice(a: number, fieldA: number, b: number, fieldB: number): number;
  /** True when record `i` has tokens in `field`. */
  has(i: number, field: number): boolean;
}

/** Per record and field, the bits set in that field's segment: computed once per filter set. */
export class FilterSet implements FieldComparer {
  readonly words: Uint32Array;
  readonly popcounts: Uint16Array;
  readonly count: number;

  constructor(readonly filters: Uint8Array) {
    if (filters.length % (FILTER_WORDS * 4) !== 0) throw new RangeError('filters must be whole 128-byte filters');
    this.words = new Uint32Array(filters.buffer, filters.byteOffset, filters.length / 4);
    this.count = filters.length / (FILTER_WORDS * 4);
    this.popcounts = new Uint16Array(this.count * FIELDS);
    for (let i = 0; i < this.count; i++) for (let f = 0; f < FIELDS; f++) this.popcounts[i * FIELDS + f] = segmentPopcount(this.words, i, f);
  }

  has(i: number, field: number): boolean {
    return this.popcounts[i * FIELDS + field]! > 0;
  }

  dice(a: number, fieldA: number, b: number, fieldB: number): number {
    const pa = this.popcounts[a * FIELDS + fieldA]!;
    const pb = this.popcounts[b * FIELDS + fieldB]!;
    if (pa === 0 || pb === 0) return -1;
    return (2 * segmentOverlap(this.words, a, fieldA, b, fieldB)) / (pa + pb);
  }
}

const FIELDS = RECORD_TOKEN_FIELDS.length;
const F = FIELD_INDEX;

function band(value: number, bands: readonly number[]): number {
  if (value < 0) return -1;
  let index = 0;
  while (index < bands.length && value < bands[index]!) index++;
  return index;
}

/** The scored fields and their comparison levels (-1 = missing on either side). */
export const SCORED_FIELDS = ['given', 'family', 'dob', 'sex'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];
export const LEVEL_COUNTS: Readonly<Record<ScoredField, number>> = { given: NAME_BANDS.length + 1, family: NAME_BANDS.length + 1, dob: 12, sex: 2 };

export interface PairLevels {
  given: number;
  family: number;
  dob: number;
  sex: number;
  swapped: boolean;
}

/**
 * Birth-date level from which parts agree: 0 same date; 1 same year, day and month swapped; 2 same
 * month, other day; 3 same year, other month; 4 other year, same day and month; 5 one year apart; 6 other
 * (both full dates); 7–11 when one side is a year or month only: same year, same year but other month,
 * one year apart, two years apart, farther.
 */
function dobLevel(set: FieldComparer, a: number, b: number): { level: number; namesComparable: boolean } {
  const hasA = set.has(a, F.dobYear);
  const hasB = set.has(b, F.dobYear);
  // Undated records salt their names alike, so two of them compare their names; dated with undated cannot.
  if (!hasA || !hasB) return { level: -1, namesComparable: !hasA && !hasB };
  const same = (field: number) => set.dice(a, field, b, field) >= SAME_TOKEN;
  const year = same(F.dobYear);
  // Names are salted with the first window: comparable only when it is shared.
  const namesComparable = year || same(F.dobWindow0);
  // Three windows: all shared in the same year, two one year apart, one two years apart.
  const windows = year ? 3 : Number(same(F.dobWindow0)) + Number(same(F.dobWindow1)) + Number(same(F.dobWindow2));
  const bothFull = set.has(a, F.dobDate) && set.has(b, F.dobDate);
  if (bothFull) {
    if (same(F.dobDate)) return { level: 0, namesComparable };
    const dayMonth = same(F.dobDayMonth);
    if (year) return { level: dayMonth ? 1 : same(F.dobMonth) ? 2 : 3, namesComparable };
    return { level: dayMonth ? 4 : windows === 2 ? 5 : 6, namesComparable };
  }
  if (year) {
    const monthDiffers = set.has(a, F.dobMonth) && set.has(b, F.dobMonth) && !same(F.dobMonth);
    return { level: monthDiffers ? 8 : 7, namesComparable };
  }
  return { level: windows === 2 ? 9 : windows === 1 ? 10 : 11, namesComparable };
}

export function pairLevels(set: FieldComparer, a: number, b: number): PairLevels {
  const { level: dob, namesComparable } = dobLevel(set, a, b);
  const nameDice = (fieldA: number, fieldB: number) => (namesComparable ? set.dice(a, fieldA, b, fieldB) : -1);
  const gg = nameDice(F.given, F.given);
  const ff = nameDice(F.family, F.family);
  const gf = nameDice(F.given, F.family);
  const fg = nameDice(F.family, F.given);
  // The orientation in which the names agree more; a swap must win clearly so that a name that is both a
  // given and a family name (Mohamed Mohamed) does not flip the comparison back and forth.
  const swapped = Math.max(gf, 0) + Math.max(fg, 0) > Math.max(gg, 0) + Math.max(ff, 0) + 0.2;
  const sex = set.dice(a, F.sex, b, F.sex);
  return {
    given: band(swapped ? gf : gg, NAME_BANDS),
    family: band(swapped ? fg : ff, NAME_BANDS),
    dob,
    sex: sex < 0 ? -1 : sex >= SAME_TOKEN ? 0 : 1,
    swapped,
  };
}

/** Birth-date levels at which the names have weights of their own (same date, or day and month swapped). */
const SAME_DATE_LEVELS = new Set([0, 1]);

/**
 * The weight table of a field for this pair. Names weigh differently when the birth dates agree: among
 * people born the same day, a family name is shared by twins and a half-similar given name (Fatoumata /
 * Aminata) is a sibling, not a spelling — Fellegi–Sunter's independence does not hold there.
 */
export function weightTable(field: ScoredField, levels: Pick<PairLevels, 'dob'>): WeightTableName {
  if ((field === 'given' || field === 'family') && SAME_DATE_LEVELS.has(levels.dob)) return field === 'given' ? 'givenSameDate' : 'familySameDate';
  return field;
}
export type WeightTableName = Exclude<keyof TokenWeights, 'prior'>;

/** Sum of the fields' weights and the prior (log2 odds of a match); a missing field weighs nothing. */
export function pairWeight(levels: PairLevels, weights: TokenWeights = TOKEN_WEIGHTS): number {
  let total = weights.prior;
  for (const field of SCORED_FIELDS) {
    const level = levels[field];
    if (level >= 0) total += weights[weightTable(field, levels)][level] ?? 0;
  }
  return total;
}

/** The match probability of a weight (log2 odds). */
export function weightToProbability(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

export type { RecordTokenField };
