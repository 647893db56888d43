import type { PreparedRecord } from '../../../core/linkage/engine/prepare-record.ts';
import { normaliseName, type NameToken } from '../../../core/linkage/normalise/name.ts';
import { bigrams } from './clk-encoder.ts';

/**
 * The matching tokens of one prepared record, per CLK field (issue 4, point 5). Only members encode, so
 * these plaintext tokens never leave the member; the filter built from them does.
 *
 * Why these tokens:
 * - `given` and `family` hold, per name token, the padded bigrams of the *folded* form (N-8 steps 1–5:
 *   ou/u, dj/j, doubled letters…), so Diallo / Dialo / Jallo overlap on most bigrams and a typo costs two or
 *   three bigrams, not the whole name; and the keys that bring together spellings whose letters differ:
 *   the alias class (Mohamed / Muhammad / محمد / Mamadou → MUHAMMAD), the consonant skeleton (mhmd), the
 *   Arabic-script consonant skeleton and the primary Double Metaphone. Both fields use one key (schema), so
 *   the matcher can also compare given against family: a swap of the two fields costs nothing.
 * - the birth date is held at every precision it has — year, year-month, full date — plus the three
 *   three-year windows the year falls in (⌊(y+k)/3⌋, k = 0, 1, 2): years one apart share two windows, two
 *   apart share one, so estimated and ±1-year dates still overlap, by degrees; and the unordered day/month
 *   pair, so a day/month swap or a year typo still shares something. A year-only or estimated date shares
 *   its year tokens with the full date. An impossible typed date (31/04/1994) keeps its year (tokenDob).
 * - `sex` is one token; phones are never tokens (DESIGN §6: small, guessable, shared in households).
 *
 * Hardening (`saltNames`, decided by the frequency-attack measurement, frequency-attack.ts): every name
 * token is combined with the record's three-year birth window ⌊y/3⌋ (`w0:663|b:al`), so the same name sets
 * unrelated bits for people born in different windows, and the name patterns an attacker could align with
 * a name-frequency table split into many small groups. The windows are disjoint on purpose: with three
 * overlapping windows (three salted copies, so that ±1 and ±2 years always share one) the attacker chains
 * equal copies from window to window back into one group per name, and recovered 2.0 points more than
 * the most-frequent-name baseline on 3,000 records (disjoint: at the baseline). Three years is also the
 * widest window that holds: an attacker who aligns each window's groups with the frequency table on their
 * own recovers 1.5 points more than the baseline with six-year windows and 3.9 with twelve (5,000
 * records), none with three. Any salt taken from the names themselves (the initial of the other name, say)
 * would let an attacker who mines the filters for each salt's shared bits read that initial off every
 * record, so the salt is the one field that says nothing about the name. The price: names of two records
 * born in different windows (a birth year off by one across a window edge, an estimate) or of a dated
 * and an undated record are not compared, only their dates and sex — on the generated data 14–16 % of the
 * true pairs, the cap on token recall (measured in the linkage-pprl-tokens benchmark).
 *
 * Every token is prefixed by its kind so a bigram can never collide with a key of the same letters.
 */
export interface RecordTokens {
  given: string[];
  family: string[];
  /** The birth date, one field per precision so the matcher can tell which parts agree. */
  dobYear: string[];
  /** The three three-year windows, one field each so that the matcher can count the shared ones. */
  dobWindow0: string[];
  dobWindow1: string[];
  dobWindow2: string[];
  dobMonth: string[];
  dobDate: string[];
  dobDayMonth: string[];
  sex: string[];
}

export interface RecordTokenOptions {
  /** Salt name tokens with the birth-year windows (the hardened schema); default true. */
  saltNames?: boolean;
}

/** The CLK fields these tokens go to, in the order of `RecordTokens`. */
export const RECORD_TOKEN_FIELDS = ['given', 'family', 'dobYear', 'dobWindow0', 'dobWindow1', 'dobWindow2', 'dobMonth', 'dobDate', 'dobDayMonth', 'sex'] as const;
export type RecordTokenField = (typeof RECORD_TOKEN_FIELDS)[number];

function addNameToken(token: NameToken, out: Set<string>): void {
  for (const gram of bigrams(token.folded)) out.add(`b:${gram}`);
  if (token.alias) out.add(`a:${token.alias}`);
  if (token.skeleton) out.add(`s:${token.skeleton}`);
  if (token.arabicSkeleton) out.add(`s:${token.arabicSkeleton}`);
  if (token.metaphone.primary) out.add(`m:${token.metaphone.primary}`);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The three three-year windows a year falls in: years within two of each other share at least one. */
export function yearWindows(year: number): string[] {
  return [0, 1, 2].map((k) => `w${k}:${Math.floor((year + k) / 3)}`);
}

type DobTokens = Pick<RecordTokens, 'dobYear' | 'dobWindow0' | 'dobWindow1' | 'dobWindow2' | 'dobMonth' | 'dobDate' | 'dobDayMonth'>;

function dobTokens(dob: PreparedRecord['dob']): DobTokens {
  const out: DobTokens = { dobYear: [], dobWindow0: [], dobWindow1: [], dobWindow2: [], dobMonth: [], dobDate: [], dobDayMonth: [] };
  if (!dob) return out;
  out.dobYear.push(`y:${dob.year}`);
  const [w0, w1, w2] = yearWindows(dob.year);
  out.dobWindow0.push(w0!);
  out.dobWindow1.push(w1!);
  out.dobWindow2.push(w2!);
  if (dob.month !== undefined) {
    out.dobMonth.push(`ym:${dob.year}-${pad2(dob.month)}`);
    if (dob.day !== undefined) {
      out.dobDate.push(`ymd:${dob.year}-${pad2(dob.month)}-${pad2(dob.day)}`);
      const [low, high] = dob.day < dob.month ? [dob.day, dob.month] : [dob.month, dob.day];
      out.dobDayMonth.push(`dm:${pad2(low)}-${pad2(high)}`);
    }
  }
  return out;
}

/** A name field's tokens before salting (also what an attacker computes from a name-frequency table). */
export function plainNameTokens(tokens: readonly NameToken[]): string[] {
  const plain = new Set<string>();
  for (const token of tokens) addNameToken(token, plain);
  return [...plain];
}

/** The unsalted tokens of a name as written in a name-frequency table (the public tokeniser, memoised). */
const nameTokenCache = new Map<string, string[]>();
export function tokensOfName(name: string, field: 'given' | 'family'): string[] {
  const key = `${field}:${name}`;
  let tokens = nameTokenCache.get(key);
  if (!tokens) {
    const normalised = normaliseName(field === 'given' ? { given: name, family: null } : { given: null, family: name });
    tokens = plainNameTokens(field === 'given' ? normalised.givenTokens : normalised.familyTokens);
    if (nameTokenCache.size > 100_000) nameTokenCache.clear();
    nameTokenCache.set(key, tokens);
  }
  return tokens;
}

function nameFieldTokens(tokens: readonly NameToken[], salt: string): string[] {
  return plainNameTokens(tokens).map((token) => `${salt}|${token}`).sort();
}

/** The four-digit years (1880–2099) a typed date can hold; a future one only ever meets the same typo. */
const TYPED_YEAR = /(?<![0-9])(18[89][0-9]|19[0-9]{2}|20[0-9]{2})(?![0-9])/g;

/**
 * The birth date the tokens hold: the parsed one, or — when the typed date is impossible (31/04/1994,
 * 19/83/2013: a mistyped day or month) — its year alone, provided the text holds exactly one plausible
 * four-digit year. Without a date a record's names are salted apart from every dated record's (above), so
 * keeping the year keeps the names comparable; the mistyped parts are dropped, as for a year-only date.
 */
export function tokenDob(record: PreparedRecord): PreparedRecord['dob'] {
  if (record.dob || !record.raw.dob) return record.dob;
  const years = [...record.raw.dob.matchAll(TYPED_YEAR)].map((match) => Number(match[1]));
  return years.length === 1 ? { year: years[0]!, precision: 'year' } : null;
}

/** The tokens of one record, each field's tokens distinct and sorted (the filter is a set anyway). */
export function recordTokens(record: PreparedRecord, options: RecordTokenOptions = {}): RecordTokens {
  const dob = tokenDob(record);
  // The salt is the first three-year window only: disjoint windows, so that equal names cannot be chained
  // from window to window (see above). A record without a birth date gets a salt of its own.
  const salt = options.saltNames === false ? '' : dob ? yearWindows(dob.year)[0]! : 'w0:-';
  return {
    given: nameFieldTokens(record.name.givenTokens, salt),
    family: nameFieldTokens(record.name.familyTokens, salt),
    ...dobTokens(dob),
    sex: record.sex ? [`x:${record.sex}`] : [],
  };
}
