import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKeysForSearch, normaliseName, type NameToken } from './name.ts';
import { LinkageInputError } from './unicode.ts';

const firstGiven = (given: string, nationality?: string): NameToken => {
  const token = normaliseName({ given }, { nationality }).givenTokens[0];
  if (!token) throw new Error(`no token for ${given}`);
  return token;
};

/** Two given names end up together: same alias class, or same Double Metaphone of the fold. */
function together(a: string, b: string, nationality?: string): boolean {
  const left = firstGiven(a, nationality);
  const right = firstGiven(b, nationality);
  if (left.alias && left.alias === right.alias) return true;
  return left.metaphone.primary !== '' && left.metaphone.primary === right.metaphone.primary;
}

describe('normaliseName: the examples of NAME-MATCHING.md §5', () => {
  it.each([
    [['Mohamed', 'Mohammed', 'Muhammad', 'Mohamad', 'Mouhamed', 'Mohamadou', 'Mamadou']],
    [['Abdelkader', 'Abdulkadir', 'Abd el Kader']],
    [['Souleymane', 'Sulayman', 'Slimane']],
    [['Youssef', 'Yusuf']],
    [['Ousmane', 'Usman', 'Othmane']],
    [['Fatima', 'Fatma', 'Fatoumata', 'Fatimata']],
    [['Aicha', 'Aissatou']],
    [['Khadija', 'Kadiatou']],
    [['Cheikh', 'Sheikh']],
  ])('every row of the Double Metaphone table ends up together: %j', (group) => {
    for (const name of group) expect(together(group[0] ?? '', name), `${group[0]} ~ ${name}`).toBe(true);
  });

  it.each([
    ['Mamadou', 'Mohamed'],
    ['Fatoumata', 'Fatima'],
    ['Ousmane', 'Othmane'],
    ['Aissatou', 'Aicha'],
    ['Kadiatou', 'Khadija'],
    ['محمد', 'Mohamed'],
    ['Abderrahmane', 'Abd al-Rahman'],
    ['عبد الرحمن', 'Abderrahmane'],
    ['أبو بكر', 'Boubacar'],
  ])('%s ~ %s', (a, b) => {
    expect(together(a, b)).toBe(true);
    expect(normaliseName({ given: a }).keys.firstGiven).toBe(normaliseName({ given: b }).keys.firstGiven);
  });

  it('Maxamed ~ Mohamed only with a Somali-orthography nationality', () => {
    expect(together('Maxamed', 'Mohamed', 'SO')).toBe(true);
    expect(together('Maxamed', 'Mohamed', 'SOM')).toBe(true);
    expect(together('Maxamed', 'Mohamed', 'DJ')).toBe(true);
    expect(together('Maxamed', 'Mohamed')).toBe(false);
    expect(together('Maxamed', 'Mohamed', 'SN')).toBe(false);
    expect(normaliseName({ family: 'Cali' }, { nationality: 'SO' }).familyTokens[0]?.folded).toBe('ali');
  });

  it('keeps Joseph apart from Youssef', () => {
    expect(together('Joseph', 'Youssef')).toBe(false);
    expect(firstGiven('Joseph').skeleton).not.toBe(firstGiven('Youssef').skeleton);
  });

  it('Benali ~ Ben Ali; N\'Diaye → ndiaye', () => {
    expect(normaliseName({ family: 'Benali' }).family).toEqual(normaliseName({ family: 'Ben Ali' }).family);
    expect(normaliseName({ family: "N'Diaye" }).family).toEqual(['ndiaye']);
    expect(normaliseName({ family: 'N’Diaye' }).family).toEqual(['ndiaye']);
    expect(normaliseName({ family: 'N Diaye' }).family).toEqual(['ndiaye']);
  });

  it('Cheikh alone stays', () => {
    const name = normaliseName({ given: 'Cheikh', family: 'Fall' });
    expect(name.given).toEqual(['cheikh']);
    expect(name.particles).toEqual([]);
  });

  it('Diallo ~ Jallow ~ Djalo ~ Jalloh share the family class and the family key', () => {
    const keys = ['Diallo', 'Jallow', 'Djalo', 'Jalloh'].map((family) => normaliseName({ family }));
    for (const name of keys) {
      expect(name.familyTokens[0]?.alias).toBe('DIALLO');
      expect(name.keys.familySkeleton).toBe(keys[0]?.keys.familySkeleton);
    }
  });
});

describe('normaliseName: pipeline output', () => {
  it('keeps the raw values and gives per-token forms', () => {
    const name = normaliseName({ given: 'El Hadj Mamadou', family: 'Traoré' });
    expect(name.raw).toEqual({ given: 'El Hadj Mamadou', family: 'Traoré' });
    expect(name.given).toEqual(['mamadou']);
    expect(name.family).toEqual(['traore']);
    expect(name.particles).toEqual([{ kind: 'honorific', value: 'el hadj', field: 'given' }]);
    expect(name.givenTokens[0]).toMatchObject({ normalised: 'mamadou', compact: 'mamadou', folded: 'mamadu', skeleton: 'mmd', alias: 'MUHAMMAD', script: 'latin', lowConfidence: false });
    expect(name.givenTokens[0]?.metaphone.primary).toBe('MMT');
    expect(name.rules).toEqual(['N-4', 'N-6', 'N-8', 'N-9']);
  });

  it('transliterates Arabic script and keeps its consonant skeleton', () => {
    const name = normaliseName({ given: 'محمد', family: 'الحسن' });
    expect(name.given).toEqual(['muhammad']);
    expect(name.family).toEqual(['hasan']);
    expect(name.givenTokens[0]?.arabicSkeleton).toBe('mhmd');
    expect(name.givenTokens[0]?.script).toBe('arabic');
    expect(name.particles).toEqual([{ kind: 'article', value: 'al', field: 'family' }]);
    expect(name.rules).toContain('N-3');
  });

  it('flags Ethiopic and Tifinagh transliterations as low-confidence', () => {
    const name = normaliseName({ given: 'ሰላም', family: 'Tesfaye' });
    expect(name.given).toEqual(['selam']);
    expect(name.flags.lowConfidenceScript).toBe(true);
    expect(name.givenTokens[0]?.lowConfidence).toBe(true);
  });

  it('turns placeholders into missing with the nameUnknown flag', () => {
    const name = normaliseName({ given: 'FNU', family: 'Diallo' });
    expect(name.given).toEqual([]);
    expect(name.flags).toMatchObject({ nameUnknown: true, givenUnknown: true, familyUnknown: false, singleName: true });
    expect(name.rules).toContain('N-5');
  });

  it('flags single-name persons and gives them keys', () => {
    const name = normaliseName({ given: 'Ahmad' });
    expect(name.flags.singleName).toBe(true);
    expect(name.keys.firstGiven).toBe('AHMAD');
    expect(name.keys.familySkeleton).toBeNull();
  });

  it('offers join/split variants and the bag', () => {
    const name = normaliseName({ given: 'Mohamedamine', family: 'Abdel Kader' });
    expect(name.variants.splits).toEqual([['mohamed', 'amine']]);
    expect(name.variants.bag).toEqual(['abdkader', 'mohamedamine']);
    expect(normaliseName({ given: 'Mohamed Amine' }).variants.joins).toEqual(['mohamedamine']);
  });
});

describe('normaliseName: bidi controls', () => {
  it('throws LinkageInputError by default', () => {
    expect(() => normaliseName({ given: 'Ali', family: 'Diallo\u202Eevil' })).toThrow(LinkageInputError);
  });

  it('treats the field as missing with a warning in batch mode, silently strips LRM/RLM', () => {
    const name = normaliseName({ given: 'Ali', family: 'Diallo\u2067x' }, { onBidiControl: 'treat-as-missing' });
    expect(name.family).toEqual([]);
    expect(name.flags.bidiRejected).toBe(true);
    expect(name.warnings).toEqual(['BIDI_CONTROL_IN_NAME']);
    expect(normaliseName({ given: '\u200FAli\u200E' }).given).toEqual(['ali']);
  });
});

describe('normaliseName: N-14 name keys', () => {
  it('swapped fields meet through the swapped keys', () => {
    const straight = normaliseName({ given: 'Mamadou', family: 'Diallo' });
    const swapped = normaliseName({ given: 'Diallo', family: 'Mohamed' });
    expect(swapped.keys.swappedFirstGiven).toBe(straight.keys.firstGiven);
    expect(swapped.keys.swappedFamilySkeleton).toBe(straight.keys.familySkeleton);
    expect(swapped.keys.fullNameConsonants).toBe(straight.keys.fullNameConsonants);
  });

  it('uses the class for the metaphone of the longest token', () => {
    expect(normaliseName({ given: 'Fatoumata', family: 'Sow' }).keys.longestTokenMetaphone).toBe(normaliseName({ given: 'Fatima', family: 'Sow' }).keys.longestTokenMetaphone);
  });

  it('maps a free-text query to the keys of every token', () => {
    const keys = nameKeysForSearch('Mamadou Jallow');
    expect(keys.tokens).toEqual(['mamadou', 'jallow']);
    expect(keys.givenKeys).toContain('MUHAMMAD');
    expect(keys.familySkeletons).toContain(normaliseName({ family: 'Diallo' }).keys.familySkeleton);
    expect(nameKeysForSearch('a\u202Eb').tokens).toEqual([]);
  });
});

const NAME_PIECES = ['Mohamed', 'Mamadou', 'abd', 'el', 'al-', 'Ben', 'Aït', 'Ould', 'Abou', 'Bou', 'El Hadj', 'Sidi', 'Cheikh', 'N’', 'Diallo', 'Traoré', 'Keïta', 'محمد', 'عبد الله', 'الحسن', 'ሰላም', 'ⵜⴰ', 'x', 'FNU', '-', "'", ' ', 'Abdoulaye', 'Abderrahmane', 'oulaye', 'errahmane', 'Maxamed', 'Cali', 'ß', 'Œ', '\u200B', '١٩'];
const nameLike = fc.array(fc.oneof(fc.constantFrom(...NAME_PIECES), fc.string({ maxLength: 6 })), { maxLength: 6 }).map((parts) => parts.join(''));
const ONLY_OUTPUT_ALPHABET = /^[a-z0-9 ]*$/;

describe('normaliseName: properties', () => {
  it('never throws in non-throwing mode and only outputs [a-z0-9 ]', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), nameLike), fc.oneof(fc.string(), fc.string({ unit: 'binary' }), nameLike), fc.constantFrom(undefined, 'SO', 'SN', 'ETH'), (given, family, nationality) => {
        const name = normaliseName({ given, family }, { nationality, onBidiControl: 'treat-as-missing' });
        for (const token of [...name.given, ...name.family]) {
          expect(token).toMatch(ONLY_OUTPUT_ALPHABET);
          expect(token).toMatch(/^[a-z0-9]+(?: [a-z0-9]+)*$/);
        }
        for (const token of [...name.givenTokens, ...name.familyTokens]) {
          expect(token.folded).toMatch(ONLY_OUTPUT_ALPHABET);
          expect(token.skeleton).toMatch(ONLY_OUTPUT_ALPHABET);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(fc.oneof(nameLike, fc.string()), fc.oneof(nameLike, fc.string()), fc.constantFrom(undefined, 'SO'), (given, family, nationality) => {
        const once = normaliseName({ given, family }, { nationality, onBidiControl: 'treat-as-missing' });
        const twice = normaliseName({ given: once.given.join(' '), family: once.family.join(' ') }, { nationality, onBidiControl: 'treat-as-missing' });
        expect(twice.given).toEqual(once.given);
        expect(twice.family).toEqual(once.family);
      }),
      { numRuns: 2000 },
    );
  });
});
