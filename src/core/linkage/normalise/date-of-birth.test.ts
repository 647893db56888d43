import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDatesOfBirth, parseDateOfBirth, type DateOfBirth } from './date-of-birth.ts';

const reference = new Date('2026-01-15T00:00:00Z');
const parse = (raw: string) => parseDateOfBirth(raw, { reference });

describe('N-11 parseDateOfBirth', () => {
  it.each([
    ['12/03/1990', { year: 1990, month: 3, day: 12, precision: 'day' }],
    ['1990-03-12', { year: 1990, month: 3, day: 12, precision: 'day' }],
    ['12.03.90', { year: 1990, month: 3, day: 12, precision: 'day' }],
    ['12.03.05', { year: 2005, month: 3, day: 12, precision: 'day' }],
    ['3/7/1990', { year: 1990, month: 7, day: 3, precision: 'day' }],
    ['12-03-1990', { year: 1990, month: 3, day: 12, precision: 'day' }],
    ['19900312', { year: 1990, month: 3, day: 12, precision: 'day' }],
    ['12031990', { year: 1990, month: 3, day: 12, precision: 'day' }],
    ['3 mars 1990', { year: 1990, month: 3, day: 3, precision: 'day' }],
    ['le 1er février 1988', { year: 1988, month: 2, day: 1, precision: 'day' }],
    ['3 March 1990', { year: 1990, month: 3, day: 3, precision: 'day' }],
    ['March 3, 1990', { year: 1990, month: 3, day: 3, precision: 'day' }],
    ['15 août 2001', { year: 2001, month: 8, day: 15, precision: 'day' }],
    ['3 مارس 1990', { year: 1990, month: 3, day: 3, precision: 'day' }],
    ['٣ أبريل ١٩٩٠', { year: 1990, month: 4, day: 3, precision: 'day' }],
    ['5 كانون الثاني 1995', { year: 1995, month: 1, day: 5, precision: 'day' }],
    ['5 تشرين الأول 1995', { year: 1995, month: 10, day: 5, precision: 'day' }],
    ['mars 1990', { year: 1990, month: 3, precision: 'month' }],
    ['03/1990', { year: 1990, month: 3, precision: 'month' }],
    ['1990-03', { year: 1990, month: 3, precision: 'month' }],
    ['00/03/1990', { year: 1990, month: 3, precision: 'month' }],
    ['1990', { year: 1990, precision: 'year' }],
    ['00/00/1988', { year: 1988, precision: 'year' }],
    ['XX/XX/1988', { year: 1988, precision: 'year' }],
    ['??/??/1988', { year: 1988, precision: 'year' }],
    ['15/00/1988', { year: 1988, precision: 'year' }],
    ['31/12/1988', { year: 1988, precision: 'year' }],
    ['01/01/1988', { year: 1988, precision: 'year', suspiciousJan1: true }],
    ['1988-01-01', { year: 1988, precision: 'year', suspiciousJan1: true }],
    ['vers 1985', { year: 1985, precision: 'estimate' }],
    ['1985 ?', { year: 1985, precision: 'estimate' }],
    ['1985?', { year: 1985, precision: 'estimate' }],
    ['~1985', { year: 1985, precision: 'estimate' }],
    ['environ 1985', { year: 1985, precision: 'estimate' }],
    ['حوالي 1985', { year: 1985, precision: 'estimate' }],
    ['35 ans', { year: 1991, precision: 'estimate' }],
    ['29/02/2000', { year: 2000, month: 2, day: 29, precision: 'day' }],
    ['03/25/1990', { year: 1990, month: 3, day: 25, precision: 'day' }],
    ['12/13/1990', { year: 1990, month: 12, day: 13, precision: 'day' }],
    ['1370', { year: 1370, precision: 'year', possibleHijriYear: true }],
  ])('%s', (raw, expected) => {
    expect(parse(raw)).toEqual({ dob: expected });
  });

  it('two-digit years pivot on the reference date: a birth cannot be in the future', () => {
    expect(parse('01.06.25')).toEqual({ dob: { year: 2025, month: 6, day: 1, precision: 'day' } });
    expect(parse('01.06.26')).toEqual({ dob: { year: 1926, month: 6, day: 1, precision: 'day' } });
    expect(parseDateOfBirth('01.06.26', { reference: new Date('2026-07-01T00:00:00Z') }).dob?.year).toBe(2026);
    expect(parse('12.03.99').dob?.year).toBe(1999);
  });

  it('MDY order on request', () => {
    expect(parseDateOfBirth('03/12/1990', { reference, order: 'MDY' })).toEqual({ dob: { year: 1990, month: 3, day: 12, precision: 'day' } });
  });

  it.each([
    ['31/02/1990', 'impossible_date'],
    ['29/02/1999', 'impossible_date'],
    ['13/13/1990', 'impossible_date'],
    ['00/13/1990', 'impossible_date'],
    ['32/01/1990', 'impossible_date'],
    ['12/03/2030', 'future_date'],
    ['2027', 'future_date'],
    ['1850', 'out_of_range'],
    ['200 ans', 'out_of_range'],
    ['hello', 'unparseable'],
    ['12/03', 'unparseable'],
    ['vers', 'unparseable'],
    ['1/2/3/4', 'unparseable'],
    ['', 'missing'],
    ['   ', 'missing'],
  ])('%s → %s', (raw, reason) => {
    expect(parse(raw)).toEqual({ dob: null, reason });
  });

  it('undefined and null are missing', () => {
    expect(parseDateOfBirth(undefined).reason).toBe('missing');
    expect(parseDateOfBirth(null).reason).toBe('missing');
  });

  it('never throws and returns a consistent result on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        const result = parse(raw);
        if (result.dob === null) {
          expect(['missing', 'unparseable', 'impossible_date', 'future_date', 'out_of_range']).toContain(result.reason);
        } else {
          expect(['day', 'month', 'year', 'estimate']).toContain(result.dob.precision);
          expect(Number.isInteger(result.dob.year)).toBe(true);
          expect(result.dob.year).toBeLessThanOrEqual(2026);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips every valid calendar day typed as DD/MM/YYYY and YYYY-MM-DD', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const pad = (n: number) => String(n).padStart(2, '0');
        const a = parse(`${pad(d)}/${pad(m)}/${y}`).dob;
        const b = parse(`${y}-${pad(m)}-${pad(d)}`).dob;
        expect(a).toEqual(b);
        expect(a?.year).toBe(y);
        if (a?.precision === 'day') expect([a.month, a.day]).toEqual([m, d]);
      }),
    );
  });
});

describe('N-11 compareDatesOfBirth', () => {
  const day = (year: number, month: number, d: number): DateOfBirth => ({ year, month, day: d, precision: 'day' });
  const year = (y: number): DateOfBirth => ({ year: y, precision: 'year' });

  it.each([
    ['exact', day(1990, 3, 12), day(1990, 3, 12)],
    ['day_month_swapped', day(1990, 3, 12), day(1990, 12, 3)],
    ['same_year_partial', day(1990, 3, 12), year(1990)],
    ['same_year_partial', { year: 1990, month: 3, precision: 'month' } as DateOfBirth, day(1990, 3, 12)],
    ['same_year_partial', { year: 1990, precision: 'estimate' } as DateOfBirth, year(1990)],
    ['conflicting', day(1990, 3, 12), day(1990, 5, 20)],
    ['conflicting', day(1990, 3, 12), day(1991, 7, 2)],
    ['conflicting', day(1980, 3, 12), day(1991, 3, 12)],
    ['one_digit', day(1990, 3, 12), day(1990, 3, 13)],
    ['one_digit', day(1990, 3, 12), day(1991, 3, 12)],
    ['one_digit', day(1978, 3, 12), day(1988, 3, 12)],
    ['year_off_by_one', day(1989, 3, 12), day(1990, 3, 12)],
    ['year_off_by_one', day(1990, 3, 12), year(1991)],
    ['within_two_years', { year: 1985, precision: 'estimate' } as DateOfBirth, year(1987)],
    ['far', year(1990), year(1997)],
    ['different', year(1990), year(1994)],
    ['missing', null, year(1990)],
    ['missing', year(1990), undefined],
  ] as const)('%s', (level, a, b) => {
    expect(compareDatesOfBirth(a, b)).toBe(level);
    expect(compareDatesOfBirth(b, a)).toBe(level);
  });

  it('Ethiopian calendar offset (+7/+8) only when an origin is ET or ER', () => {
    expect(compareDatesOfBirth(year(1982), year(1990), { originA: 'ET' })).toBe('calendar_offset');
    expect(compareDatesOfBirth(year(1983), year(1990), { originB: 'ERI' })).toBe('calendar_offset');
    expect(compareDatesOfBirth(year(1982), year(1990), { originA: 'SD', originB: 'SD' })).toBe('far');
    expect(compareDatesOfBirth(year(1982), year(1990))).toBe('far');
  });

  it('Afghan Solar Hijri offset (+621/+622) only when an origin is AF', () => {
    const hijri = parse('1370').dob;
    expect(compareDatesOfBirth(hijri, year(1991), { originA: 'AF' })).toBe('calendar_offset');
    expect(compareDatesOfBirth(hijri, year(1992), { originB: 'afg' })).toBe('calendar_offset');
    expect(compareDatesOfBirth(hijri, year(1991), { originA: 'MA' })).toBe('far');
  });
});
