import { describe, expect, it } from 'vitest';
import { personSearchKeys, querySearchKeys } from './search-keys.ts';

/** Whether every token of the query shares at least one key with the person (the registry's match rule). */
function finds(query: string, person: { given?: string; family?: string }): boolean {
  const indexed = new Set(personSearchKeys(person));
  const tokens = querySearchKeys(query);
  return tokens.length > 0 && tokens.every(({ keys }) => keys.some((key) => indexed.has(key)));
}

describe('searchPeople keys', () => {
  it.each([
    ['Mohamed Jallow', { given: 'Mamadou', family: 'Diallo' }],
    ['diallo mamadou', { given: 'Mamadou', family: 'Diallo' }],
    ['محمد', { given: 'Mohamed', family: 'Diallo' }],
    ['Alaoui', { given: 'فاطمة', family: 'العلوي' }],
    ['Fatoumata', { given: 'Fatima', family: 'Sow' }],
    ['Traore', { given: 'Awa', family: 'Traoré' }],
    ['Ben Ali', { given: 'Meriem', family: 'Benali' }],
  ])('"%s" finds %o', (query, person) => {
    expect(finds(query, person)).toBe(true);
  });

  it('does not find an unrelated person', () => {
    expect(finds('Mohamed Jallow', { given: 'Awa', family: 'Traoré' })).toBe(false);
    expect(finds('Zerhouni', { given: 'Fatima', family: 'Alaoui' })).toBe(false);
  });

  it('gives a query with bidi controls no tokens, and a person with them no keys', () => {
    expect(querySearchKeys('a\u202Eb')).toEqual([]);
    expect(personSearchKeys({ given: 'a\u202Eb' })).toEqual([]);
  });
});
