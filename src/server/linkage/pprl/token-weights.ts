/**
 * Fellegi–Sunter weights (log2 m/u) of the token score's levels (token-score.ts), per field, and the prior
 * log2 odds of a pair being a match. Estimated on generated records (seed 20240401, never on the held-out
 * seed 7) with the network schema by `node bin/run-ts.js bench/benchmarks/pprl-tokens-data.ts`, then copied
 * here: every member and the matcher must use the same fixed numbers, and a change of tokens or schema
 * means re-estimating them (and a new schema version).
 */
export interface TokenWeights {
  prior: number;
  given: readonly number[];
  family: readonly number[];
  /** The name weights when the birth dates agree (token-score.ts, weightTable). */
  givenSameDate: readonly number[];
  familySameDate: readonly number[];
  dob: readonly number[];
  sex: readonly number[];
}

export const TOKEN_WEIGHTS: TokenWeights = {
  prior: -10.08,
  given: [7.13,  4.59,  3.63,  1.79,  -2.8,  -6.87],
  family: [6.37,  4.89,  4.62,  2.13,  -2.19,  -6.32],
  givenSameDate: [7.73,  4.58,  4.71,  1.41,  -3.25,  -7.67],
  familySameDate: [2.61,  2.89,  4.7,  1.35,  -4.36,  -7.02],
  dob: [13.52,  9.35,  -0.1,  -2.02,  4.05,  -6.27,  -5.4,  4.88,  10.11,  0.89,  0.79,  -6.62],
  sex: [0.97,  -5.23],
};

/** The match probability at or above which a pair links (chosen on seed 20240401). */
export const DEFAULT_TOKEN_THRESHOLD = 0.7;
