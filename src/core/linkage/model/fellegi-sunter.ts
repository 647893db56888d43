/**
 * The Fellegi–Sunter model over comparison levels, as Splink uses it: each compared field falls into one
 * of its levels (0 = the field is missing on either side, then from the strongest agreement down to "else");
 * a pair's match weight is log2(λ/(1-λ)) plus, per field, log2(m/u) of its level, where m is the
 * probability of that level among true matches and u among non-matches. Missing fields add nothing.
 *
 * Estimation follows Splink: u from random pairs (almost all non-matches), then m and λ by expectation–
 * maximisation on blocked pairs with u held fixed. Term-frequency adjustment replaces the u of an exact
 * agreement by the value's own frequency, so that two "Diallo"s weigh less than two "Zerhouni"s.
 */

/** One compared field: the names of its levels, index 0 being "missing" (null), the last being "else". */
export interface ComparisonSpec {
  field: string;
  levels: readonly string[];
  /**
   * Levels that, like "missing", are no evidence either way (a phone number a whole household shares):
   * they weigh nothing and are not learnt, but an explanation still names them.
   */
  neutral?: readonly number[];
}

/** Whether a level carries no weight: missing, or one of the spec's neutral levels. */
export function isNeutral(spec: ComparisonSpec, level: number): boolean {
  return level === 0 || (spec.neutral !== undefined && spec.neutral.includes(level));
}

/** One pair's comparison: the level index of each field, in the order of the specs. */
export type ComparisonVector = Uint8Array;

export interface FellegiSunterParams {
  specs: readonly ComparisonSpec[];
  /** Prior probability that a blocked pair is a match. */
  lambda: number;
  /** m[field][level], u[field][level] for levels ≥ 1 (index 0, missing, is unused). */
  m: number[][];
  u: number[][];
}

const FLOOR = 1e-6;
const clamp = (p: number) => Math.min(1 - FLOOR, Math.max(FLOOR, p));

/** Level frequencies among vectors (missing excluded), with add-one smoothing so no level is 0. */
function levelFrequencies(specs: readonly ComparisonSpec[], vectors: readonly ComparisonVector[], weights?: Float64Array): number[][] {
  return specs.map((spec, f) => {
    const counts = new Array<number>(spec.levels.length).fill(0);
    let total = 0;
    vectors.forEach((vector, i) => {
      const level = vector[f]!;
      if (isNeutral(spec, level)) return;
      const w = weights ? weights[i]! : 1;
      counts[level] = counts[level]! + w;
      total += w;
    });
    const smoothing = 1e-3;
    return counts.map((count, level) => (isNeutral(spec, level) ? 0 : clamp((count + smoothing) / (total + smoothing * (spec.levels.length - 1)))));
  });
}

/** u probabilities from comparisons of random record pairs (which are almost never matches). */
export function estimateU(specs: readonly ComparisonSpec[], randomPairs: readonly ComparisonVector[]): number[][] {
  if (randomPairs.length === 0) throw new RangeError('estimating u needs random pairs');
  return levelFrequencies(specs, randomPairs);
}

/**
 * Term-frequency information for training: per field, per pair, log2 of the agreed value's frequency
 * (NaN where the field did not agree on a value with a known frequency). With it, EM's posterior weighs
 * agreement on a frequent name as little as scoring does, so namesakes are not learnt as matches.
 */
export type TermFrequencyLogs = (Float64Array | undefined)[];

/** A pair's match weight (log2 Bayes factor plus prior), optionally with per-field weight overrides. */
export function matchWeight(params: FellegiSunterParams, vector: ComparisonVector, overrides?: (number | undefined)[]): number {
  let weight = Math.log2(params.lambda / (1 - params.lambda));
  for (let f = 0; f < params.specs.length; f++) {
    const level = vector[f]!;
    if (level === 0 || (params.specs[f]!.neutral !== undefined && params.specs[f]!.neutral!.includes(level))) continue;
    weight += overrides?.[f] ?? Math.log2(params.m[f]![level]! / params.u[f]![level]!);
  }
  return weight;
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/**
 * m and λ by EM on blocked pairs, u fixed (Splink's default training). Starts from m favouring the
 * strongest levels; stops when no parameter moves more than `tolerance`, or after `maxIterations`.
 * `fixLambda` keeps λ at its given estimate: on blocked pairs, which differ from random pairs in more ways
 * than being matches, a free λ can drift towards "everything matches".
 */
export function trainEm(
  specs: readonly ComparisonSpec[],
  blockedPairs: readonly ComparisonVector[],
  u: number[][],
  options: {
    lambda?: number;
    fixLambda?: boolean;
    /** Starting m (for example from pairs a deterministic rule calls matches); default: geometric. */
    initialM?: number[][];
    maxIterations?: number;
    tolerance?: number;
    termFrequencyLogs?: TermFrequencyLogs;
  } = {},
): FellegiSunterParams & { iterations: number } {
  if (blockedPairs.length === 0) throw new RangeError('training needs blocked pairs');
  let params: FellegiSunterParams = {
    specs,
    lambda: options.lambda ?? 0.1,
    u,
    // Initial m: most mass on the first (strongest) agreement level, decreasing towards "else".
    m: options.initialM ?? specs.map((spec) => {
      const n = spec.levels.length - 1;
      const raw = spec.levels.map((_, level) => (level === 0 ? 0 : 2 ** (n - level)));
      const sum = raw.reduce((a, b) => a + b, 0);
      return raw.map((v) => (v === 0 ? 0 : v / sum));
    }),
  };
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-5;
  const posterior = new Float64Array(blockedPairs.length);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const tf = options.termFrequencyLogs;
    const overrides: (number | undefined)[] = new Array(specs.length).fill(undefined);
    blockedPairs.forEach((vector, i) => {
      if (tf) {
        for (let f = 0; f < specs.length; f++) {
          const log = tf[f]?.[i];
          overrides[f] = log === undefined || Number.isNaN(log) ? undefined : Math.log2(params.m[f]![vector[f]!]!) - log;
        }
      }
      posterior[i] = probabilityOf(matchWeight(params, vector, tf ? overrides : undefined));
    });
    const matchShare = posterior.reduce((a, b) => a + b, 0) / blockedPairs.length;
    const m = levelFrequencies(specs, blockedPairs, posterior);
    const lambda = options.fixLambda ? params.lambda : clamp(matchShare);
    const moved = Math.max(Math.abs(lambda - params.lambda), ...m.flatMap((levels, f) => levels.map((p, l) => Math.abs(p - params.m[f]![l]!))));
    params = { ...params, lambda, m };
    if (moved < tolerance) break;
  }
  return { ...params, iterations };
}

/** Which fields agreed and by how much: the explanation every match carries. */
export function explain(params: FellegiSunterParams, vector: ComparisonVector, overrides?: (number | undefined)[]) {
  return params.specs.map((spec, f) => {
    const level = vector[f]!;
    const weight = isNeutral(spec, level) ? 0 : (overrides?.[f] ?? Math.log2(params.m[f]![level]! / params.u[f]![level]!));
    return { field: spec.field, level: spec.levels[level]!, weight };
  });
}

/**
 * The term-frequency adjusted weight of an exact agreement on a value seen with relative frequency
 * `valueFrequency` (the chance two random records share it): log2(m_exact / max(valueFrequency, ε)).
 */
export function termFrequencyWeight(mExact: number, valueFrequency: number): number {
  return Math.log2(mExact / Math.max(valueFrequency, FLOOR));
}
