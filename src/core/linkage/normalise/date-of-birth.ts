/**
 * N-11 Date of birth: parse what registrars type, keep a precision, compare at the N-11 levels.
 *
 * Parsing is a single pass over the characters into at most three date parts (numbers, month names,
 * placeholders) plus flags (estimate, age); all tables are built at module load.
 *
 * Decisions (see the tests for every case):
 * - Numeric order is DD/MM/YYYY unless `order: 'MDY'`; when the month would be > 12 and the day ≤ 12 the
 *   unambiguous other order is taken (03/25/1990 → 25 March 1990) rather than losing the date.
 * - Two-digit years: 20YY unless that would put the birth in the future of `reference`, then 19YY.
 * - 01/01/YYYY and 31/12/YYYY are administrative defaults: year precision (01/01 also sets
 *   `suspiciousJan1`). Placeholders 00, XX, ?? drop the part they stand for.
 * - "vers 1985", "1985 ?", "~1985", "35 ans" → precision 'estimate' (year only).
 * - Years 1300–1450 are kept with `possibleHijriYear` (Afghan Solar Hijri / Hijri documents) so that the
 *   calendar-offset comparison can use them; other years more than 130 years back are out of range.
 */

export type DateOfBirthPrecision = 'day' | 'month' | 'year' | 'estimate';

export interface DateOfBirth {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly precision: DateOfBirthPrecision;
  /** Typed as 1 January: usually "year only" in disguise (Splink's suspicious-1-January level). */
  readonly suspiciousJan1?: true;
  /** A year in 1300–1450: very likely a Solar Hijri (AF/IR) or Hijri year, not a Gregorian one. */
  readonly possibleHijriYear?: true;
}

export type DateOfBirthInvalidReason = 'missing' | 'unparseable' | 'impossible_date' | 'future_date' | 'out_of_range';

export type DateOfBirthResult =
  | { readonly dob: DateOfBirth; readonly reason?: undefined }
  | { readonly dob: null; readonly reason: DateOfBirthInvalidReason };

export interface DateOfBirthOptions {
  /** "Today" for two-digit years, ages and future dates. Defaults to the current date. */
  readonly reference?: Date;
  /** Order of an all-numeric date whose year comes last. Default 'DMY'. */
  readonly order?: 'DMY' | 'MDY';
}

const MAX_AGE_YEARS = 130;
const HIJRI_YEAR_MIN = 1300;
const HIJRI_YEAR_MAX = 1450;

const MONTHS = new Map<string, number>();
function months(names: string, month: number): void {
  for (const name of names.split(' ')) MONTHS.set(name, month);
}
// French, English, abbreviations; Arabic: Egyptian/Gulf, Maghreb (Algeria/Tunisia), Morocco, Levant
// (already folded: أ/إ/آ → ا, ة → ه, ى → ي). The two-word Levantine months are handled below.
months('janvier janv jan january يناير جانفي', 1);
months('fevrier fevr fev feb february فبراير فيفري شباط', 2);
months('mars mar march مارس اذار', 3);
months('avril avr apr april ابريل افريل نيسان', 4);
months('mai may مايو ماي ايار', 5);
months('juin jun june يونيو جوان حزيران', 6);
months('juillet juil jul july يوليو جويليه يوليوز تموز', 7);
months('aout aou aug august اغسطس اوت غشت اب', 8);
months('septembre sept sep september سبتمبر شتنبر ايلول', 9);
months('octobre oct october اكتوبر', 10);
months('novembre nov november نوفمبر نونبر', 11);
months('decembre dec december ديسمبر دجنبر', 12);
// كانون الثاني = January, كانون الأول = December, تشرين الأول = October, تشرين الثاني = November.
const LEVANTINE_PAIRS = new Map<string, Map<string, number>>([
  ['كانون', new Map([['الثاني', 1], ['ثاني', 1], ['الاول', 12], ['اول', 12]])],
  ['تشرين', new Map([['الاول', 10], ['اول', 10], ['الثاني', 11], ['ثاني', 11]])],
]);

const enum WordRole {
  Filler,
  Estimate,
  Age,
}
const WORDS = new Map<string, WordRole>();
function words(list: string, role: WordRole): void {
  for (const word of list.split(' ')) WORDS.set(word, role);
}
words('le la l ne nee en de du au the of on born in er ere st nd rd th eme e date naissance dob ddn في مواليد من مواليد م', WordRole.Filler);
words('vers env environ approx approximativement circa ca c about around estimated estime presume presumed probablement حوالي تقريبا نحو', WordRole.Estimate);
words('ans an years year yrs yr yo age ages old عمر العمر عمره سنه سنوات عام', WordRole.Age);

const ARABIC_FOLD: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي' };
const COMBINING_MARKS = /[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g;

const enum PartKind {
  Number,
  Month,
  Placeholder,
}
interface Part {
  kind: PartKind;
  value: number;
  digits: number;
}

interface Scan {
  parts: Part[];
  estimate: boolean;
  age: boolean;
  trailingQuestion: boolean;
}

const isLatinLetter = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isArabicLetter = (c: number): boolean => c >= 0x0621 && c <= 0x064a;
const asciiDigit = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x0660 && c <= 0x0669 ? c - 0x0660 : c >= 0x06f0 && c <= 0x06f9 ? c - 0x06f0 : -1);

/** Splits into parts; null when a word is not a month, a filler or a marker. */
function scan(text: string): Scan | null {
  const s = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  const parts: Part[] = [];
  let estimate = false;
  let age = false;
  let trailingQuestion = false;
  let pendingPair: Map<string, number> | null = null;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (asciiDigit(c) >= 0) {
      let value = 0;
      let digits = 0;
      while (i < s.length && asciiDigit(s.charCodeAt(i)) >= 0) {
        value = value * 10 + asciiDigit(s.charCodeAt(i));
        digits++;
        i++;
      }
      if (digits > 8) return null;
      parts.push({ kind: PartKind.Number, value, digits });
      trailingQuestion = false;
    } else if (isLatinLetter(c) || isArabicLetter(c)) {
      let word = '';
      while (i < s.length && (isLatinLetter(s.charCodeAt(i)) || isArabicLetter(s.charCodeAt(i)))) {
        word += ARABIC_FOLD[s[i]!] ?? s[i];
        i++;
      }
      trailingQuestion = false;
      if (pendingPair !== null) {
        const month = pendingPair.get(word);
        if (month === undefined) return null;
        parts.push({ kind: PartKind.Month, value: month, digits: 0 });
        pendingPair = null;
        continue;
      }
      const month = MONTHS.get(word);
      if (month !== undefined) {
        parts.push({ kind: PartKind.Month, value: month, digits: 0 });
        continue;
      }
      const pair = LEVANTINE_PAIRS.get(word);
      if (pair !== undefined) {
        pendingPair = pair;
        continue;
      }
      if (isAllX(word)) {
        parts.push({ kind: PartKind.Placeholder, value: 0, digits: 0 });
        continue;
      }
      const role = WORDS.get(word);
      if (role === undefined) return null;
      if (role === WordRole.Estimate) estimate = true;
      else if (role === WordRole.Age) age = true;
    } else if (c === 0x3f /* ? */ || c === 0x061f /* ؟ */) {
      let run = 0;
      while (i < s.length && (s.charCodeAt(i) === 0x3f || s.charCodeAt(i) === 0x061f)) {
        run++;
        i++;
      }
      // "1985 ?" marks an estimate; "??/??/1985" stands for unknown parts.
      const previous = parts[parts.length - 1];
      if (previous !== undefined && previous.kind === PartKind.Number && previous.digits === 4 && run === 1) trailingQuestion = true;
      else parts.push({ kind: PartKind.Placeholder, value: 0, digits: 0 });
    } else {
      if (c === 0x7e /* ~ */ || c === 0xb1 /* ± */ || c === 0x2248 /* ≈ */) estimate = true;
      i++;
    }
  }
  if (pendingPair !== null) return null;
  return { parts, estimate, age, trailingQuestion };
}

function isAllX(word: string): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== 0x78) return false;
  return true;
}

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, m: number): number => (m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!);

/** Raw fields before validation: null = placeholder/unknown. */
interface Fields {
  year: Part;
  month: Part | null;
  day: Part | null;
}

const numberOrPlaceholder = (p: Part): Part | null => (p.kind === PartKind.Placeholder ? null : p);
const isShort = (p: Part): boolean => p.kind === PartKind.Placeholder || p.kind === PartKind.Month || (p.kind === PartKind.Number && p.digits <= 2);
const isYear = (p: Part): boolean => p.kind === PartKind.Number && (p.digits === 4 || p.digits === 2);

function splitCompact(p: Part): Fields | null {
  const n = (value: number, digits: number): Part => ({ kind: PartKind.Number, value, digits });
  if (p.digits === 8) {
    const head = Math.floor(p.value / 10000);
    const tail = p.value % 10000;
    // 19900312 (ISO basic) when it starts like a year, else 12031990.
    if (head >= 1800 && head <= 2100) return { year: n(head, 4), month: n(Math.floor(tail / 100), 2), day: n(tail % 100, 2) };
    return { year: n(tail, 4), month: n(head % 100, 2), day: n(Math.floor(head / 100), 2) };
  }
  if (p.digits === 6) return { year: n(p.value % 100, 2), month: n(Math.floor(p.value / 100) % 100, 2), day: n(Math.floor(p.value / 10000), 2) };
  return null;
}

function arrange(parts: Part[], order: 'DMY' | 'MDY'): Fields | null {
  const [a, b, c] = parts;
  if (a === undefined) return null;
  if (b === undefined) {
    if (a.kind !== PartKind.Number) return null;
    if (a.digits === 4) return { year: a, month: null, day: null };
    return splitCompact(a);
  }
  if (c === undefined) {
    if (a.kind === PartKind.Number && a.digits === 4 && isShort(b)) return { year: a, month: numberOrPlaceholder(b), day: null };
    if (isShort(a) && b.kind === PartKind.Number && (b.digits === 4 || (b.digits === 2 && a.kind === PartKind.Month))) {
      return { year: b, month: numberOrPlaceholder(a), day: null };
    }
    return null;
  }
  if (a.kind === PartKind.Number && a.digits === 4) {
    if (!isShort(b) || !isShort(c) || c.kind === PartKind.Month) return null;
    return { year: a, month: numberOrPlaceholder(b), day: numberOrPlaceholder(c) };
  }
  if (!isShort(a) || !isShort(b) || !isYear(c)) return null;
  if (a.kind === PartKind.Month && b.kind !== PartKind.Month) return { year: c, month: a, day: numberOrPlaceholder(b) };
  if (b.kind === PartKind.Month && a.kind !== PartKind.Month) return { year: c, month: b, day: numberOrPlaceholder(a) };
  if (a.kind === PartKind.Month || b.kind === PartKind.Month) return null;
  let day = order === 'DMY' ? a : b;
  let month = order === 'DMY' ? b : a;
  // The other order when it is the only possible one (03/25/1990 typed by an English-speaking registrar).
  if (month.kind === PartKind.Number && month.value > 12 && day.kind === PartKind.Number && day.value >= 1 && day.value <= 12) {
    [day, month] = [month, day];
  }
  return { year: c, month: numberOrPlaceholder(month), day: numberOrPlaceholder(day) };
}

const MISSING: DateOfBirthResult = Object.freeze({ dob: null, reason: 'missing' as const });
const UNPARSEABLE: DateOfBirthResult = Object.freeze({ dob: null, reason: 'unparseable' as const });
const IMPOSSIBLE: DateOfBirthResult = Object.freeze({ dob: null, reason: 'impossible_date' as const });
const FUTURE: DateOfBirthResult = Object.freeze({ dob: null, reason: 'future_date' as const });
const OUT_OF_RANGE: DateOfBirthResult = Object.freeze({ dob: null, reason: 'out_of_range' as const });

// The same typed date recurs (a person registered several times, a common "01/01/1990"): results are
// remembered per typed text, order and reference day — the only parts of the options a result depends on.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, DateOfBirthResult>();

/** N-11: raw date of birth → DateOfBirth, or null with the reason (callers warn on every reason but 'missing'). */
export function parseDateOfBirth(raw: string | undefined | null, options: DateOfBirthOptions = {}): DateOfBirthResult {
  if (raw === undefined || raw === null) return MISSING;
  const reference = options.reference ?? new Date();
  const key = `${options.order ?? 'DMY'}\u0000${reference.getUTCFullYear()}-${reference.getUTCMonth()}-${reference.getUTCDate()}\u0000${raw}`;
  const cached = cache.get(key);
  if (cached) return cached;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  // Frozen: every record with this text shares the result.
  const result = parseUncached(raw, reference, options.order ?? 'DMY');
  if (result.dob) Object.freeze(result.dob);
  cache.set(key, Object.freeze(result));
  return result;
}

function parseUncached(raw: string, reference: Date, order: 'DMY' | 'MDY'): DateOfBirthResult {
  const scanned = scan(raw);
  if (scanned === null) return UNPARSEABLE;
  const { parts } = scanned;
  if (parts.length === 0) return scanned.estimate || scanned.age ? UNPARSEABLE : raw.trim() === '' ? MISSING : UNPARSEABLE;

  const refYear = reference.getUTCFullYear();
  const refMonth = reference.getUTCMonth() + 1;
  const refDay = reference.getUTCDate();

  // "35 ans", "age 35", "عمره 35 سنة": an age, so an estimated year.
  const only = parts[0]!;
  if (parts.length === 1 && scanned.age && only.kind === PartKind.Number && only.digits <= 3) {
    if (only.value > MAX_AGE_YEARS) return OUT_OF_RANGE;
    return { dob: { year: refYear - only.value, precision: 'estimate' } };
  }

  const fields = arrange(parts, order);
  if (fields === null) return UNPARSEABLE;

  const month = fields.month === null || fields.month.value === 0 ? 0 : fields.month.value;
  let day = fields.day === null || fields.day.value === 0 ? 0 : fields.day.value;
  if (month > 12) return IMPOSSIBLE;
  if (month === 0) day = 0; // a day without its month says nothing
  let year = fields.year.value;
  if (fields.year.digits === 2) {
    // A birth cannot be in the future: 20YY unless that is after the reference date.
    year = 2000 + year;
    if (isAfter(year, month, day, refYear, refMonth, refDay)) year -= 100;
  }
  if (year === 0) return UNPARSEABLE;
  if (day > 0 && day > daysInMonth(year, month)) return IMPOSSIBLE;
  if (isAfter(year, month, day, refYear, refMonth, refDay)) return FUTURE;
  const possibleHijriYear = year >= HIJRI_YEAR_MIN && year <= HIJRI_YEAR_MAX;
  if (!possibleHijriYear && year < refYear - MAX_AGE_YEARS) return OUT_OF_RANGE;

  const hijri = possibleHijriYear ? ({ possibleHijriYear: true } as const) : undefined;
  if (scanned.estimate || scanned.trailingQuestion) return { dob: { year, precision: 'estimate', ...hijri } };
  if (month === 1 && day === 1) return { dob: { year, precision: 'year', suspiciousJan1: true, ...hijri } };
  if (month === 12 && day === 31) return { dob: { year, precision: 'year', ...hijri } };
  if (day > 0) return { dob: { year, month, day, precision: 'day', ...hijri } };
  if (month > 0) return { dob: { year, month, precision: 'month', ...hijri } };
  return { dob: { year, precision: 'year', ...hijri } };
}

/** Is (y, m, d) after the reference date? Unknown parts (0) compare as the earliest possible. */
function isAfter(y: number, m: number, d: number, ry: number, rm: number, rd: number): boolean {
  if (y !== ry) return y > ry;
  if (m !== rm) return m > rm;
  return d > rd;
}

export type DateOfBirthComparison =
  | 'exact'
  | 'day_month_swapped'
  | 'same_year_partial'
  | 'year_off_by_one'
  | 'within_two_years'
  | 'calendar_offset'
  | 'different'
  /** More than five years apart (and no calendar offset): beyond what an age estimate misses by. */
  | 'far'
  /** Two complete dates that differ beyond a typo, a day/month swap or a calendar offset: two birthdays. */
  | 'conflicting'
  /** Two complete dates one mistyped digit apart (21/11/2004 and 22/11/2004, 1978 and 1988). */
  | 'one_digit'
  | 'missing';

export interface DateOfBirthComparisonOptions {
  /** Country of origin (ISO alpha-2 or alpha-3) of each record, which says which calendar it may use. */
  readonly originA?: string | null;
  readonly originB?: string | null;
}

// Ethiopian calendar (ET/ER): Gregorian ≈ Ethiopian + 7 (Sept–Dec) or + 8 (Jan–Sept).
const ETHIOPIAN_CALENDAR_ORIGINS = new Set(['ET', 'ETH', 'ER', 'ERI']);
// Solar Hijri (AF; IR uses it too): Gregorian = Solar Hijri + 621 (from 21 March) or + 622.
const SOLAR_HIJRI_ORIGINS = new Set(['AF', 'AFG', 'IR', 'IRN']);

const originIn = (set: Set<string>, origin: string | null | undefined): boolean =>
  origin !== undefined && origin !== null && set.has(origin.toUpperCase());

/**
 * N-11 comparison levels. Two full dates one digit apart are 'one_digit' (a typo); two full dates in the same
 * year that differ otherwise are 'conflicting' (two birthdays). 'within_two_years' (two years apart, or the
 * same year with different months known) applies to every precision, not only estimates, and the model
 * learns its weight.
 */
/** Beyond this many years apart, two dates are not one person's estimated age (unless a calendar differs). */
const FAR_YEARS = 5;

/** Whether two full dates differ by one mistyped digit (DDMMYYYY compared digit by digit). */
function oneDigitApart(a: DateOfBirth, b: DateOfBirth): boolean {
  if (!plainDigits(a) || !plainDigits(b)) return oneDigitApartAsText(a, b);
  // The same count as comparing the 8-character strings, digit by digit on the numbers (no strings).
  return digitDifferences(a.day!, b.day!, 2) + digitDifferences(a.month!, b.month!, 2) + digitDifferences(a.year, b.year, 4) === 1;
}

/** How many of the last `count` decimal digits of x and y differ. */
function digitDifferences(x: number, y: number, count: number): number {
  let differences = 0;
  for (let i = 0; i < count; i++, x = Math.floor(x / 10), y = Math.floor(y / 10)) if (x % 10 !== y % 10) differences++;
  return differences;
}

/** Whether DDMMYYYY of this date is exactly 8 digits (else the text comparison below decides). */
function plainDigits(d: DateOfBirth): boolean {
  return Number.isInteger(d.day) && Number.isInteger(d.month) && Number.isInteger(d.year) && d.day! >= 0 && d.day! <= 99 && d.month! >= 0 && d.month! <= 99 && d.year >= 0 && d.year <= 9999;
}

function oneDigitApartAsText(a: DateOfBirth, b: DateOfBirth): boolean {
  const digits = (d: DateOfBirth) => `${String(d.day).padStart(2, '0')}${String(d.month).padStart(2, '0')}${String(d.year).padStart(4, '0')}`;
  const x = digits(a);
  const y = digits(b);
  let differences = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) differences++;
  return differences === 1;
}

export function compareDatesOfBirth(
  a: DateOfBirth | null | undefined,
  b: DateOfBirth | null | undefined,
  options: DateOfBirthComparisonOptions = {},
): DateOfBirthComparison {
  if (a === null || a === undefined || b === null || b === undefined) return 'missing';
  const bothDays = a.precision === 'day' && b.precision === 'day';
  if (bothDays && a.year === b.year && a.month === b.month && a.day === b.day) return 'exact';
  if (bothDays && a.year === b.year && a.month === b.day && a.day === b.month) return 'day_month_swapped';
  // One mistyped digit is a typo of one date, whatever the digit: kept apart from an estimate two years off.
  if (bothDays && oneDigitApart(a, b)) return 'one_digit';
  const yearGap = Math.abs(a.year - b.year);
  // Two full dates that differ in the day or month are two birthdays, not an estimate of one — unless a
  // single digit was mistyped, or day and month were swapped (above), or the calendar differs (below).
  if (bothDays && yearGap <= 2 && (a.month !== b.month || a.day !== b.day) && !oneDigitApart(a, b)) return 'conflicting';
  if (yearGap === 0) {
    if (bothDays) return 'within_two_years';
    // Both known to the month and the months differ: the year is all that agrees.
    if (a.month !== undefined && b.month !== undefined && a.month !== b.month) return 'within_two_years';
    return 'same_year_partial';
  }
  if (yearGap === 1) return 'year_off_by_one';
  if (yearGap === 2) return 'within_two_years';
  const { originA, originB } = options;
  if ((yearGap === 7 || yearGap === 8) && (originIn(ETHIOPIAN_CALENDAR_ORIGINS, originA) || originIn(ETHIOPIAN_CALENDAR_ORIGINS, originB))) {
    return 'calendar_offset';
  }
  if ((yearGap === 621 || yearGap === 622) && (originIn(SOLAR_HIJRI_ORIGINS, originA) || originIn(SOLAR_HIJRI_ORIGINS, originB))) {
    return 'calendar_offset';
  }
  if (bothDays && !oneDigitApart(a, b)) return 'conflicting';
  return yearGap > FAR_YEARS ? 'far' : 'different';
}
