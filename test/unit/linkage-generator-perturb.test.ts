import { describe, expect, it } from 'vitest';
import { formatYearOnly, gregorianToEthiopian, gregorianToJdn } from '../../bench/linkage/perturb/dates.ts';
import { orthographicVariant, stripDiacritics } from '../../bench/linkage/perturb/orthography.ts';
import { particleVariant, toggleHonorific } from '../../bench/linkage/perturb/particles.ts';
import { applyTypo, TYPO_KINDS } from '../../bench/linkage/perturb/typos.ts';
import { Random, WeightedTable } from '../../bench/linkage/random.ts';

/** The building blocks of the generators: seeded draws, typos, orthographic and particle variants, dates. */
describe('seeded random', () => {
  it('repeats the same draws for the same seed', () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 20 }, () => random.int(0, 1_000_000));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws from a weighted table in proportion to the weights', () => {
    const table = new WeightedTable([['Diallo', 90], ['Bah', 9], ['Sow', 1]]);
    const random = new Random(1);
    const counts = { Diallo: 0, Bah: 0, Sow: 0 };
    for (let i = 0; i < 20_000; i++) counts[table.draw(random) as keyof typeof counts]++;
    expect(counts.Diallo / 20_000).toBeCloseTo(0.9, 1);
    expect(counts.Sow).toBeGreaterThan(100);
    expect(counts.Sow).toBeLessThan(320);
    expect(() => new WeightedTable([['x', 0]])).toThrow(/positive integer/);
  });
});

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

describe('typos', () => {
  it('makes exactly one edit of each kind (a transposition is two substitutions)', () => {
    const random = new Random(3);
    for (const kind of TYPO_KINDS) {
      for (let i = 0; i < 50; i++) {
        const typed = applyTypo('Fatoumata', kind, random);
        if (typed === 'Fatoumata') continue;
        expect(editDistance(typed, 'Fatoumata'), `${kind}: ${typed}`).toBe(kind === 'typo_transpose' ? 2 : 1);
        if (kind === 'typo_insert') expect(typed).toHaveLength(10);
        if (kind === 'typo_delete') expect(typed).toHaveLength(8);
      }
    }
  });

  it('leaves very short values alone', () => {
    expect(applyTypo('Ba', 'typo_delete', new Random(1))).toBe('Ba');
  });
});

describe('orthographic and particle variants', () => {
  it('produces the listed orthographic variants', () => {
    const random = new Random(5);
    const variants = (name: string) => new Set(Array.from({ length: 200 }, () => orthographicVariant(name, random)));
    expect(variants('Ousmane')).toContain('Usmane');
    expect(variants('Ousmane')).toContain('Ousman');
    expect(variants('Djibril')).toContain('Jibril');
    expect(variants('Cheikh')).toContain('Sheikh');
    expect(variants('Hassan')).toContain('Hasan');
    expect(stripDiacritics('Traoré Aïcha')).toBe('Traore Aicha');
  });

  it('joins, splits, re-spaces and drops particles', () => {
    const random = new Random(8);
    const variants = (name: string) => new Set(Array.from({ length: 200 }, () => particleVariant(name, random)));
    expect(variants('Ben Ali')).toEqual(expect.any(Set));
    expect(variants('Ben Ali')).toContain('Benali');
    expect(variants('Ben Ali')).toContain('Ben-Ali');
    expect(variants('Benali')).toContain('Ben Ali');
    expect(variants('Abdelkader')).toContain('Abdel Kader');
    expect(variants('Abdelkader')).toContain('Abd el Kader');
    expect(variants('Al-Ahmad')).toContain('Ahmad');
    expect(variants('Al-Ahmad')).toContain('El-Ahmad');
    expect(particleVariant('Diallo', random)).toBeNull();
  });

  it('adds and removes el Hadj / Hadja', () => {
    const random = new Random(2);
    const titled = toggleHonorific('Mamadou', 'M', random);
    expect(titled).toMatch(/^(El Hadj|Elhadj|El Hadji|Alhaji) Mamadou$/);
    expect(toggleHonorific(titled, 'M', random)).toBe('Mamadou');
    expect(toggleHonorific('Fatoumata', 'F', random)).toMatch(/Hadja Fatoumata$/);
  });
});

describe('dates', () => {
  it('converts to the Ethiopian calendar (1 Meskerem 2016 = 12 September 2023, after a 6-day Pagume)', () => {
    expect(gregorianToEthiopian({ year: 2023, month: 9, day: 12 })).toEqual({ year: 2016, month: 1, day: 1 });
    expect(gregorianToEthiopian({ year: 2024, month: 1, day: 7 })).toEqual({ year: 2016, month: 4, day: 28 }); // Genna after a leap Pagume
    expect(gregorianToEthiopian({ year: 2023, month: 9, day: 11 })).toEqual({ year: 2015, month: 13, day: 6 });
    expect(gregorianToJdn({ year: 2000, month: 1, day: 1 })).toBe(2_451_545);
  });

  it('writes year-only dates in the administrative forms', () => {
    const random = new Random(4);
    const forms = new Set(Array.from({ length: 300 }, () => formatYearOnly(1990, random)));
    expect([...forms].sort()).toEqual(['00/00/1990', '01/01/1990', '1990', '31/12/1990', 'XX/XX/1990']);
  });
});
