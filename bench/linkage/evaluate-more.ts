import { clusterPairs, clusterRecords, type ScoredPair } from '../../src/core/linkage/model/cluster.ts';

/** Precision and recall of a clustering (record → cluster id) against ground-truth entity ids. */
export function clusterQuality(clusterIds: Int32Array, entityOf: readonly string[]): { precision: number; recall: number; f1: number; truePairs: number; predictedPairs: number } {
  const perEntity = new Map<string, number>();
  for (const entity of entityOf) perEntity.set(entity, (perEntity.get(entity) ?? 0) + 1);
  let truth = 0;
  for (const n of perEntity.values()) truth += (n * (n - 1)) / 2;
  let predicted = 0;
  let correct = 0;
  for (const [a, b] of clusterPairs(clusterIds)) {
    predicted++;
    if (entityOf[a] === entityOf[b]) correct++;
  }
  const precision = predicted ? correct / predicted : 1;
  const recall = truth ? correct / truth : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, truePairs: truth, predictedPairs: predicted };
}

/**
 * The highest recall the engine reaches while keeping pairwise precision at or above `minPrecision`,
 * re-clustering the same scored pairs at a sweep of thresholds (the model is trained once).
 */
export function recallAtPrecision(recordCount: number, pairs: readonly ScoredPair[], entityOf: readonly string[], minPrecision: number): { recall: number; threshold: number | null } {
  let best = { recall: 0, threshold: null as number | null };
  for (const threshold of [0.05, 0.1, 0.2, 0.3, 0.5, 0.67, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999, 0.9999, 0.99999, 0.999999]) {
    const quality = clusterQuality(clusterRecords(recordCount, pairs, { threshold }), entityOf);
    if (quality.precision >= minPrecision && quality.recall > best.recall) best = { recall: quality.recall, threshold };
  }
  return best;
}

/**
 * False merges among hard negatives: of the pairs of different people in one group (siblings of a household,
 * twins, namesakes), the share that ended in the same cluster — per group kind and overall.
 */
export function hardNegativeFalseMerges(clusterIds: Int32Array, entityOf: readonly string[], groupOf: readonly string[]): Record<string, { pairs: number; merged: number; rate: number }> {
  const byGroup = new Map<string, number[]>();
  groupOf.forEach((group, index) => {
    if (!group) return;
    const list = byGroup.get(group);
    if (list) list.push(index);
    else byGroup.set(group, [index]);
  });
  const out: Record<string, { pairs: number; merged: number; rate: number }> = {};
  const count = (kind: string, merged: boolean) => {
    const entry = (out[kind] ??= { pairs: 0, merged: 0, rate: 0 });
    entry.pairs++;
    if (merged) entry.merged++;
  };
  for (const [group, members] of byGroup) {
    const kind = group.slice(0, group.indexOf(':'));
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!;
        const b = members[j]!;
        if (entityOf[a] === entityOf[b]) continue;
        const merged = clusterIds[a] === clusterIds[b];
        count(kind, merged);
        count('all', merged);
      }
    }
  }
  for (const entry of Object.values(out)) entry.rate = entry.pairs ? entry.merged / entry.pairs : 0;
  return out;
}

/**
 * The exact baseline: records are the same person when their normalised given and family names (compact,
 * either order) and their full birth dates are identical.
 */
export function exactBaselineClusters(keys: readonly (string | null)[]): Int32Array {
  const first = new Map<string, number>();
  return Int32Array.from(keys, (key, index) => {
    if (key === null) return index;
    const existing = first.get(key);
    if (existing !== undefined) return existing;
    first.set(key, index);
    return index;
  });
}
