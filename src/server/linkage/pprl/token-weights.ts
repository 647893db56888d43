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
  given: [7.14, 4.71, 3.46, 1.68, -2.63, -6.55],
  family: [6.37, 5.18, 4.56, 2.14, -2.42, -6.36],
  givenSameDate: [7.74, 4.52, 4.76, 1.16, -3.18, -8.97],
  familySameDate: [2.61, 2.99, 4.68, 1.19, -3.6, -7.5],
  dob: [13.52, 9.35, -0.1, -2.03, 4.04, -6.27, -5.4, 4.9, 10.11, 0.9, 0.77, -6.45],
  sex: [0.97, -5.23],
};

/** The match probability at or above which a pair links (chosen on seed 20240401). */
export const DEFAULT_TOKEN_THRESHOLD = 0.7;
