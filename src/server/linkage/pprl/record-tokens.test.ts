import { describe, expect, it } from 'vitest';
import { prepareRecord } from '../../../core/linkage/engine/prepare-record.ts';
import type { RawPersonRecord } from '../../../core/linkage/record.ts';
import { recordTokens, RECORD_TOKEN_FIELDS, tokenDob, tokensOfName, yearWindows, type RecordTokens } from './record-tokens.ts';

const REFERENCE = new Date('2026-01-01');
const tokens = (raw: Omit<RawPersonRecord, 'id'>, saltNames = true) => recordTokens(prepareRecord({ id: 'x', ...raw }, { reference: REFERENCE }), { saltNames });

function dice(a: readonly string[], b: readonly string[]): number {
  const set = new Set(a);
  return (2 * b.filter((token) => set.has(token)).length) / (a.length + b.length);
}

/** Name tokens without the salt, so that spellings can be compared whatever the birth year. */
const unsalted = (t: RecordTokens, field: 'given' | 'family') => t[field].map((token) => token.slice(token.indexOf('|') + 1));

describe('record tokens', () => {
  it('puts transliteration variants close: Mohamed / Muhammad / محمد and Diallo / Jallow share tokens', () => {
    const mohamed = tokens({ given: 'Mohamed', family: 'Diallo', dob: '1990' });
    const muhammad = tokens({ given: 'Muhammad', family: 'Jallow', dob: '1990' });
    const arabic = tokens({ given: 'محمد', family: 'Diallo', dob: '1990' });
    expect(dice(mohamed.given, muhammad.given)).toBeGreaterThan(0.4);
    expect(dice(mohamed.given, arabic.given)).toBeGreaterThan(0.4);
    expect(mohamed.given).toContain('w0:663|a:MUHAMMAD');
    expect(arabic.given).toContain('w0:663|a:MUHAMMAD');
    expect(dice(mohamed.family, muhammad.family)).toBeGreaterThan(0.3);
    const stranger = tokens({ given: 'Fatoumata', family: 'Traore', dob: '1990' });
    expect(dice(mohamed.given, stranger.given)).toBeLessThan(0.15);
  });

  it('keeps given and family apart, in fields that share a key so a swap can be compared', () => {
    const straight = tokens({ given: 'Ousmane', family: 'Camara', dob: '1985' });
    const swapped = tokens({ given: 'Camara', family: 'Ousmane', dob: '1985' });
    // Family names may add a family alias class (N-10), so the swapped fields are close rather than equal.
    expect(dice(swapped.family, straight.given)).toBeGreaterThan(0.85);
    expect(dice(swapped.given, straight.family)).toBeGreaterThan(0.85);
    expect(dice(swapped.given, straight.given)).toBeLessThan(0.3);
  });

  it('salts name tokens with the disjoint three-year birth window, so equal names of other windows differ', () => {
    const born = (year: number) => tokens({ given: 'Awa', family: 'Bah', dob: String(year) });
    expect(yearWindows(1990)).toEqual(['w0:663', 'w1:663', 'w2:664']);
    expect(born(1989).given).toEqual(born(1991).given);
    expect(dice(born(1991).given, born(1992).given)).toBe(0);
    expect(unsalted(born(1990), 'given')).toEqual(unsalted(born(1970), 'given'));
    // Without salting (the attack test's control) the same name has the same tokens whatever the year.
    expect(tokens({ given: 'Awa', dob: '1990' }, false).given).toEqual(tokens({ given: 'Awa', dob: '1970' }, false).given);
  });

  it('keeps the three windows of the birth year, so years one or two apart still share some date tokens', () => {
    const windows = (year: number) => { const t = tokens({ given: 'Awa', dob: String(year) }); return [...t.dobWindow0, ...t.dobWindow1, ...t.dobWindow2]; };
    expect(dice(windows(1990), windows(1991))).toBeCloseTo(2 / 3);
    expect(dice(windows(1990), windows(1992))).toBeCloseTo(1 / 3);
    expect(dice(windows(1990), windows(1993))).toBe(0);
  });

  it('holds the birth date at each precision, so a year-only date shares its year with the full date', () => {
    const full = tokens({ given: 'Awa', dob: '12/03/1990' });
    const year = tokens({ given: 'Awa', dob: '1990' });
    const swappedDayMonth = tokens({ given: 'Awa', dob: '03/12/1990' });
    expect(full.dobDate).toEqual(['ymd:1990-03-12']);
    expect(year.dobDate).toEqual([]);
    expect(year.dobYear).toEqual(full.dobYear);
    expect(swappedDayMonth.dobDayMonth).toEqual(full.dobDayMonth);
    expect(swappedDayMonth.dobDate).not.toEqual(full.dobDate);
  });

  it('keeps the year of an impossible typed date, so its names still compare with the same window', () => {
    const prepared = (dob: string) => prepareRecord({ id: 'x', given: 'Awa', dob }, { reference: REFERENCE });
    // A mistyped day or month: the engine treats the date as missing; the tokens keep its year alone.
    expect(prepared('31/04/1994').dob).toBeNull();
    expect(tokenDob(prepared('31/04/1994'))).toEqual({ year: 1994, precision: 'year' });
    expect(tokenDob(prepared('19/83/2013'))).toEqual({ year: 2013, precision: 'year' });
    expect(tokens({ given: 'Awa', dob: '32/03/1992' }).given).toEqual(tokens({ given: 'Awa', dob: '1992' }).given);
    expect(tokens({ given: 'Awa', dob: '32/03/1992' }).dobDate).toEqual([]);
    // No year, or two candidate years: no date.
    expect(tokenDob(prepared('31/04/94'))).toBeNull();
    expect(tokenDob(prepared('1990 or 1991?'))).toBeNull();
    expect(tokenDob(prepared('not known'))).toBeNull();
  });

  it('never holds a phone number, and a record without a date salts its names on its own', () => {
    const t = tokens({ given: 'Awa', family: 'Bah', phone: '+212 6 12 34 56 78', sex: 'F' });
    const all = RECORD_TOKEN_FIELDS.flatMap((field) => t[field]).join(' ');
    expect(all).not.toMatch(/212|5678/);
    expect(t.sex).toEqual(['x:F']);
    expect(t.given.every((token: string) => token.startsWith('w0:-|'))).toBe(true);
  });

  it('gives the attacker the same tokens for a name as its records hold (the public tokeniser)', () => {
    const record = tokens({ given: 'Fatoumata', family: 'Diallo', dob: '1990' }, false);
    expect(tokensOfName('fatoumata', 'given').sort()).toEqual(unsalted(record, 'given').sort());
  });
});
