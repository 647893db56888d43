/** A scored pair of records (indices), with the model's match probability. */
export interface ScoredPair {
  a: number;
  b: number;
  probability: number;
}

export interface ClusterOptions {
  /** Pairs at or above this probability may join their records' clusters. */
  threshold: number;
  /**
   * Two clusters merge only if the mean match weight (log-odds) of the pairs scored between them reaches the
   * weight of this probability: a strong link between two records cannot pull in a third that was compared
   * with the other side and found clearly different (the chaining of siblings or namesakes through one
   * shared record), while one doubtful pair among several sure ones does not keep a person apart.
   */
  minCohesion?: number;
  /**
   * Records that can never be one person whether or not blocking compared them (two different full birth
   * dates): clusters holding such a pair never merge.
   */
  cannotLink?: (a: number, b: number) => boolean;
}

/**
 * Below this a pair was vetoed (a level that rules a match out, such as two different full birth dates):
 * the two records' clusters never merge, however strong other links are (a cannot-link constraint).
 */
export const VETO_PROBABILITY = 2 ** -60;

/** log2 odds of a probability, bounded so that one certain pair cannot outweigh any number of others. */
const MAX_LOG_ODDS = 12;
function logOdds(probability: number): number {
  const p = Math.min(Math.max(probability, 2 ** -MAX_LOG_ODDS), 1 - 2 ** -MAX_LOG_ODDS);
  return Math.log2(p / (1 - p));
}

/**
 * Clusters records from scored pairs, resisting chaining: the strongest links are considered first, and a
 * link merges two clusters only when the pairs already scored between them agree on average. Pairs never
 * compared (not blocked together) count neither for nor against. Returns a cluster id per record.
 */
export function clusterRecords(recordCount: number, pairs: readonly ScoredPair[], options: ClusterOptions): Int32Array {
  const minCohesion = logOdds(options.minCohesion ?? options.threshold);
  const parent = Int32Array.from({ length: recordCount }, (_, i) => i);
  const members: number[][] = Array.from({ length: recordCount }, (_, i) => [i]);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // Every scored pair, keyed by its two records, to measure cohesion between clusters.
  const scored = new Map<number, number>();
  const key = (a: number, b: number) => (a < b ? a * recordCount + b : b * recordCount + a);
  const vetoes = new Set<number>();
  for (const pair of pairs) {
    scored.set(key(pair.a, pair.b), Math.max(logOdds(pair.probability), scored.get(key(pair.a, pair.b)) ?? -Infinity));
    if (pair.probability < VETO_PROBABILITY) vetoes.add(key(pair.a, pair.b));
  }

  const candidates = pairs.filter((pair) => pair.probability >= options.threshold).sort((x, y) => y.probability - x.probability);
  for (const pair of candidates) {
    const ra = find(pair.a);
    const rb = find(pair.b);
    if (ra === rb) continue;
    let sum = 0;
    let count = 0;
    // A vetoed pair (two different full birth dates) between the clusters is a cannot-link constraint.
    let vetoed = false;
    for (const x of members[ra]!) {
      for (const y of members[rb]!) {
        const k = key(x, y);
        if (vetoes.has(k) || options.cannotLink?.(x, y)) vetoed = true;
        const p = scored.get(k);
        if (p !== undefined) {
          sum += p;
          count++;
        }
      }
    }
    if (vetoed || (count > 0 && sum / count < minCohesion)) continue;
    const [big, small] = members[ra]!.length >= members[rb]!.length ? [ra, rb] : [rb, ra];
    parent[small] = big;
    members[big]!.push(...members[small]!);
    members[small] = [];
  }
  const ids = new Int32Array(recordCount);
  for (let i = 0; i < recordCount; i++) ids[i] = find(i);
  return ids;
}

/** Every pair of records that ended in the same cluster (the closure), including pairs never compared. */
export function* clusterPairs(clusterIds: Int32Array): Generator<[number, number]> {
  const byCluster = new Map<number, number[]>();
  clusterIds.forEach((cluster, record) => {
    const list = byCluster.get(cluster);
    if (list) list.push(record);
    else byCluster.set(cluster, [record]);
  });
  for (const records of byCluster.values()) {
    for (let i = 0; i < records.length; i++) for (let j = i + 1; j < records.length; j++) yield [records[i]!, records[j]!];
  }
}
