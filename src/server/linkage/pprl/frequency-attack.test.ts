import { describe, expect, it } from 'vitest';
import { attackFigures } from '../../../../bench/benchmarks/pprl-tokens-data.ts';
import { frequencyAttack, frequencyTable, mostFrequentGuesses, scoreGuesses } from './frequency-attack.ts';

describe('the frequency-alignment attack', () => {
  it('scores guesses per record, with the top-50 names apart, against the most-frequent-name baseline', () => {
    const truth = [
      { given: 'mohamed', family: 'diallo' },
      { given: 'mohamed', family: 'bah' },
      { given: 'awa', family: 'diallo' },
      { given: 'awa', family: 'sow' },
      { given: 'fatou', family: null },
    ];
    const table = frequencyTable(truth);
    const baseline = scoreGuesses(mostFrequentGuesses(truth.length, table), truth, table);
    // mohamed (2) and diallo (2) are the most frequent: records 0, 1 and 2 are guessed right.
    expect(baseline.recovered).toBeCloseTo(3 / 5);
    expect(baseline.recoveredBeyondTop50).toBe(0);
    const perfect = scoreGuesses(truth, truth, table);
    expect(perfect.recovered).toBe(1);
  });

  it('gives no guesses for an empty network', () => {
    expect(frequencyAttack(new Uint8Array(0), { given: [], family: [] }, { salted: true, bitsPerToken: 8, tokensOf: () => [] })).toEqual([]);
  });

  // A few thousand generated records (issue 4, point 7); about 20 s on this machine.
  it('recovers many names from unhardened filters, and no more than the baseline + 1 point from ours', async () => {
    const figures = await attackFigures(7, 3000);
    expect(figures.control.recovered).toBeGreaterThanOrEqual(0.3);
    expect(figures.hardened.recovered).toBeLessThanOrEqual(figures.baseline.recovered + 0.01);
    expect(figures.hardened.recoveredBeyondTop50).toBeLessThanOrEqual(0.01);
  }, 120_000);
});
