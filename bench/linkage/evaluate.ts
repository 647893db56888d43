import { clusterQuality } from './evaluate-more.ts';
import type { LinkResult } from '../../src/core/linkage/engine/link-records.ts';

export interface PairwiseQuality {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  /** Share of true pairs that blocking put together (pair completeness). */
  pairCompleteness: number;
}

/** Pairwise precision, recall and F1 of the clusters against ground-truth entity ids. */
export function pairwiseQuality(result: LinkResult, entityOf: readonly string[]): PairwiseQuality {
  const quality = clusterQuality(result.clusterIds, entityOf);
  let blockedTrue = 0;
  for (const pair of result.pairs) if (entityOf[pair.a] === entityOf[pair.b]) blockedTrue++;
  return { ...quality, pairCompleteness: quality.truePairs ? blockedTrue / quality.truePairs : 1 };
}
