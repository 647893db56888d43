import { clusterPairs } from '../../src/core/linkage/model/cluster.ts';
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
  const truth = new Set<string>();
  const byEntity = new Map<string, number[]>();
  entityOf.forEach((entity, index) => {
    const list = byEntity.get(entity);
    if (list) list.push(index);
    else byEntity.set(entity, [index]);
  });
  for (const members of byEntity.values()) for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) truth.add(`${members[i]}:${members[j]}`);
  let predicted = 0;
  let correct = 0;
  for (const [a, b] of clusterPairs(result.clusterIds)) {
    predicted++;
    if (entityOf[a] === entityOf[b]) correct++;
  }
  let blockedTrue = 0;
  for (const pair of result.pairs) if (entityOf[pair.a] === entityOf[pair.b]) blockedTrue++;
  const precision = predicted ? correct / predicted : 1;
  const recall = truth.size ? correct / truth.size : 1;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    truePairs: truth.size,
    predictedPairs: predicted,
    pairCompleteness: truth.size ? blockedTrue / truth.size : 1,
  };
}
