import type { Random } from '../random.ts';

/** A Gregorian calendar date (month 1–12). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Julian day number of a Gregorian date (Fliegel–Van Flandern, integer arithmetic only). */
export function gregorianToJdn({ year, month, day }: CalendarDate): number {
  const a = Math.trunc((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.trunc((153 * m + 2) / 5) + 365 * y + Math.trunc(y / 4) - Math.trunc(y / 100) + Math.trunc(y / 400) - 32045;
}

/** The Ethiopian (Amete Mihret) epoch as a Julian day number: 1 Meskerem 1 = 29 August 8 CE (Julian). */
const ETHIOPIAN_EPOCH_JDN = 1_724_221;

function ethiopianToJdn(year: number, month: number, day: number): number {
  return ETHIOPIAN_EPOCH_JDN + 365 * (year - 1) + Math.floor(year / 4) + 30 * (month - 1) + day - 1;
}

/**
 * The same day in the Ethiopian calendar (13 months: twelve of 30 days and Pagume of 5 or 6), as Ethiopian
 * and Eritrean documents give it — about 7 years and 8 months behind the Gregorian date (NAME-MATCHING N-11).
 */
export function gregorianToEthiopian(date: CalendarDate): CalendarDate {
  const jdn = gregorianToJdn(date);
  const year = Math.floor((4 * (jdn - ETHIOPIAN_EPOCH_JDN) + 1463) / 1461);
  const month = Math.floor((jdn - ethiopianToJdn(year, 1, 1)) / 30) + 1;
  const day = jdn - ethiopianToJdn(year, month, 1) + 1;
  return { year, month, day };
}

const pad = (value: number) => (value < 10 ? `0${value}` : String(value));

/** DD/MM/YYYY, the default on every form the organisations use. */
export function formatDayMonthYear(date: CalendarDate): string {
  return `${pad(date.day)}/${pad(date.month)}/${date.year}`;
}

export type DateFormat = 'dd/mm/yyyy' | 'yyyy-mm-dd' | 'd/m/yyyy' | 'dd-mm-yyyy' | 'french-text' | 'dd.mm.yy';

const FORMATS: ReadonlyArray<readonly [DateFormat, number]> = [
  ['yyyy-mm-dd', 8],
  ['d/m/yyyy', 6],
  ['dd-mm-yyyy', 5],
  ['french-text', 4],
  ['dd.mm.yy', 2],
];

export function formatDate(date: CalendarDate, format: DateFormat): string {
  switch (format) {
    case 'dd/mm/yyyy':
      return formatDayMonthYear(date);
    case 'yyyy-mm-dd':
      return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
    case 'd/m/yyyy':
      return `${date.day}/${date.month}/${date.year}`;
    case 'dd-mm-yyyy':
      return `${pad(date.day)}-${pad(date.month)}-${date.year}`;
    case 'french-text':
      return `${date.day === 1 ? '1er' : date.day} ${FRENCH_MONTHS[date.month - 1]} ${date.year}`;
    case 'dd.mm.yy':
      return `${pad(date.day)}.${pad(date.month)}.${pad(date.year % 100)}`;
  }
}

/** A non-default format, drawn with the shares above (their sum out of 100 is the "other format" share). */
export function otherDateFormat(random: Random): DateFormat {
  let target = random.int(1, FORMATS.reduce((sum, [, weight]) => sum + weight, 0));
  for (const [format, weight] of FORMATS) {
    target -= weight;
    if (target <= 0) return format;
  }
  return 'yyyy-mm-dd';
}

/** How a year-only date of birth is written: the administrative 1 January, zero or X placeholders, the bare year. */
export function formatYearOnly(year: number, random: Random): string {
  const roll = random.int(1, 100);
  if (roll <= 50) return `01/01/${year}`;
  if (roll <= 65) return `00/00/${year}`;
  if (roll <= 90) return String(year);
  if (roll <= 95) return `31/12/${year}`;
  return `XX/XX/${year}`;
}

export function randomDate(random: Random, fromYear: number, toYear: number): CalendarDate {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  return { year, month, day: random.int(1, daysInMonth(year, month)) };
}
