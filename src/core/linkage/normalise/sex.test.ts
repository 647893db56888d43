import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseSex } from './sex.ts';

describe('N-13 normaliseSex', () => {
  it.each([
    ['M', ['H', 'h', 'M', 'm', 'homme', 'Homme', 'masculin', 'Masculin', 'garçon', 'male', 'Male', 'ذكر', 'M.', ' m ']],
    ['F', ['F', 'f', 'femme', 'Femme', 'féminin', 'Féminin', 'fille', 'female', 'FEMALE', 'أنثى', 'انثى', 'أنثي']],
    ['X', ['X', 'x', 'autre', 'Autre', 'other', 'Other']],
  ] as const)('%s', (expected, inputs) => {
    for (const raw of inputs) expect([raw, normaliseSex(raw)]).toEqual([raw, expected]);
  });

  it.each(['', ' ', 'inconnu', 'unknown', '?', 'Q', 'mf'])('%j → null', (raw) => {
    expect(normaliseSex(raw)).toBeNull();
  });

  it('undefined and null → null', () => {
    expect(normaliseSex(undefined)).toBeNull();
    expect(normaliseSex(null)).toBeNull();
  });

  it('never throws; output is M, F, X or null', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (raw) => {
        expect([null, 'M', 'F', 'X']).toContain(normaliseSex(raw));
      }),
      { numRuns: 2000 },
    );
  });
});
