import { clusterRecords } from '../../../core/linkage/model/cluster.ts';
import { NamePatternFrequency } from './name-pattern-frequency.ts';
import { tokenCandidates, type TokenBlockingOptions } from './token-blocking.ts';
import { pairLevels, pairWeight, weightToProbability, type FilterSet, type PairLevels } from './token-score.ts';
import { DEFAULT_TOKEN_THRESHOLD } from './token-weights.ts';

export interface TokenPair {
  a: number;
  b: number;
  probability: number;
  levels: PairLevels;
}

export interface TokenMatchResult {
  /** Every candidate pair with its score (those below any threshold too: clustering weighs them). */
  pairs: TokenPair[];
  candidatePairs: number;
  clusterIds: Int32Array;
}

/** Pairs far below any useful threshold are dropped before clustering (they only cost memory). */
const KEEP_ABOVE = 1e-4;

/**
 * Links encoded records on their filters alone: token blocking, the per-field score adjusted for how
 * common the agreeing name patterns are (name-pattern-frequency.ts), then the clustering
 * of the plaintext engine (which resists chaining through one doubtful record).
 */
export function matchFilters(set: FilterSet, options: { threshold?: number; blocking?: TokenBlockingOptions } = {}): TokenMatchResult {
  const threshold = options.threshold ?? DEFAULT_TOKEN_THRESHOLD;
  const candidates = tokenCandidates(set, options.blocking);
  const frequency = new NamePatternFrequency(set);
  const pairs: TokenPair[] = [];
  for (let k = 0; k < candidates.count; k++) {
    const a = candidates.first[k]!;
    const b = candidates.second[k]!;
    const levels = pairLevels(set, a, b);
    const probability = weightToProbability(pairWeight(levels) + frequency.adjustment(a, b, levels));
    if (probability >= KEEP_ABOVE) pairs.push({ a, b, probability, levels });
  }
  return { pairs, candidatePairs: candidates.count, clusterIds: clusterRecords(set.count, pairs, { threshold }) };
}
