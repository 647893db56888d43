import { describe, expect, it } from 'vitest';
import { estimateU, explain, matchWeight, probabilityOf, termFrequencyWeight, trainEm, type ComparisonSpec } from './fellegi-sunter.ts';

const SPECS: ComparisonSpec[] = [
  { field: 'name', levels: ['missing', 'exact', 'fuzzy', 'else'] },
  { field: 'dob', levels: ['missing', 'exact', 'year', 'else'] },
  { field: 'sex', levels: ['missing', 'same', 'else'] },
];
const TRUE_M = [[0, 0.8, 0.15, 0.05], [0, 0.7, 0.25, 0.05], [0, 0.97, 0.03]];
const TRUE_U = [[0, 0.01, 0.04, 0.95], [0, 0.002, 0.05, 0.948], [0, 0.5, 0.5]];

/** Pairs drawn from known m and u probabilities, with a share `lambda` of matches. */
function simulate(count: number, lambda: number, seed: number): { vectors: Uint8Array[]; isMatch: boolean[] } {
  // xorshift32: a fixed, seeded stream, so the test is the same on every run.
  let state = seed * 2_654_435_761 || 1;
  const uniform = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const draw = (probabilities: number[]) => {
    let r = uniform();
    for (let level = 1; level < probabilities.length; level++) {
      r -= probabilities[level]!;
      if (r < 0) return level;
    }
    return probabilities.length - 1;
  };
  const vectors: Uint8Array[] = [];
  const isMatch: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const match = uniform() < lambda;
    const table = match ? TRUE_M : TRUE_U;
    const vector = Uint8Array.from(SPECS.map((_, f) => (uniform() < 0.05 ? 0 : draw(table[f]!))));
    vectors.push(vector);
    isMatch.push(match);
  }
  return { vectors, isMatch };
}

describe('the Fellegi–Sunter model', () => {
  it('recovers m and λ by EM from unlabelled blocked pairs, given u from random pairs', () => {
    const random = simulate(20_000, 0, 1).vectors;
    const u = estimateU(SPECS, random);
    expect(u[0]![3]).toBeCloseTo(0.95, 1);
    const blocked = simulate(20_000, 0.3, 2);
    const params = trainEm(SPECS, blocked.vectors, u);
    expect(params.lambda).toBeCloseTo(0.3, 1);
    for (let f = 0; f < SPECS.length; f++) {
      for (let level = 1; level < SPECS[f]!.levels.length; level++) {
        expect(Math.abs(params.m[f]![level]! - TRUE_M[f]![level]!), `${SPECS[f]!.field} level ${level}`).toBeLessThan(0.05);
      }
    }
    // The trained model separates the simulated matches from the non-matches.
    let correct = 0;
    blocked.vectors.forEach((vector, i) => {
      if ((probabilityOf(matchWeight(params, vector)) > 0.5) === blocked.isMatch[i]) correct++;
    });
    expect(correct / blocked.vectors.length).toBeGreaterThan(0.95);
  });

  it('adds nothing for a missing field and explains each field\'s contribution', () => {
    const params = { specs: SPECS, lambda: 0.5, m: TRUE_M, u: TRUE_U };
    const full = Uint8Array.from([1, 1, 1]);
    const noDob = Uint8Array.from([1, 0, 1]);
    expect(matchWeight(params, noDob)).toBeCloseTo(matchWeight(params, full) - Math.log2(0.7 / 0.002), 9);
    const explanation = explain(params, noDob);
    expect(explanation.map((e) => [e.field, e.level])).toEqual([['name', 'exact'], ['dob', 'missing'], ['sex', 'same']]);
    expect(explanation[1]!.weight).toBe(0);
    expect(explanation[0]!.weight).toBeCloseTo(Math.log2(80), 9);
  });

  it('weighs agreement on a frequent value less than on a rare one (term frequency)', () => {
    expect(termFrequencyWeight(0.8, 0.05)).toBeLessThan(termFrequencyWeight(0.8, 0.0001));
    expect(termFrequencyWeight(0.8, 0.05)).toBeCloseTo(Math.log2(16), 9);
  });

  it('refuses to train without pairs', () => {
    expect(() => estimateU(SPECS, [])).toThrow(/random pairs/);
    expect(() => trainEm(SPECS, [], TRUE_U)).toThrow(/blocked pairs/);
  });
});
