import { describe, expect, it } from 'vitest';
import { attackFigures } from '../../../../bench/benchmarks/pprl-tokens-data.ts';
import { CLK_BYTES } from './clk-encoder.ts';
import { frequencyAttack, frequencyTable, mostFrequentGuesses, scoreGuesses } from './frequency-attack.ts';
import { FIELD_INDEX, SEGMENT_WORDS } from './segment-dice.ts';

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

  it('aligns per salt window when asked: the largest group of every window gets the most frequent name', () => {
    // Two windows (bits of the dobWindow0 segment), each with two records of one name and one of another.
    const filters = new Uint8Array(6 * CLK_BYTES);
    const [windowWord] = SEGMENT_WORDS[FIELD_INDEX.dobWindow0]!;
    const [givenWord] = SEGMENT_WORDS[FIELD_INDEX.given]!;
    const words = new Uint32Array(filters.buffer);
    [[1, 0b11], [1, 0b11], [1, 0b1100], [2, 0b110000], [2, 0b110000], [2, 0b11000000]].forEach(([window, bits], i) => {
      words[i * 32 + windowWord] = window!;
      words[i * 32 + givenWord] = bits!;
    });
    const table = { given: [['awa', 4], ['binta', 2]] as [string, number][], family: [] };
    const options = { salted: true, bitsPerToken: 2, tokensOf: () => [], minGroup: 1 };
    const truth = ['awa', 'awa', 'binta', 'awa', 'awa', 'binta'];
    const right = (guesses: ReturnType<typeof frequencyAttack>) => guesses.filter((guess, i) => guess.given === truth[i]).length;
    expect(frequencyAttack(filters, table, { ...options, alignment: 'per-salt' }).map((guess) => guess.given)).toEqual(truth);
    // Over all groups at once, only one of the two-record groups can be aligned with the top name.
    expect(right(frequencyAttack(filters, table, options))).toBeLessThan(6);
  });

  // A few thousand generated records (issue 4, point 7); about 20 s on this machine.
  it('recovers many names from unhardened filters, and no more than the baseline + 1 point from ours', async () => {
    const figures = await attackFigures(7, 3000);
    expect(figures.control.recovered).toBeGreaterThanOrEqual(0.3);
    expect(figures.hardened.recovered).toBeLessThanOrEqual(figures.baseline.recovered + 0.01);
    expect(figures.hardened.recoveredBeyondTop50).toBeLessThanOrEqual(0.01);
  }, 120_000);
});
