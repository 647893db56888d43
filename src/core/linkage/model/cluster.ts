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

/** Pairs as parallel typed arrays (record indices a, b and the probability): how large batches hold them. */
export interface ScoredPairArrays {
  a: Uint32Array;
  b: Uint32Array;
  probability: Float64Array | Float32Array;
}

/** The cannot-link callback is asked only while the two clusters are this small (its cost is |A|·|B|). */
const CANNOT_LINK_CHECK_LIMIT = 4096;

/**
 * Clusters records from scored pairs, resisting chaining: the strongest links are considered first, and a
 * link merges two clusters only when the pairs already scored between them agree on average and none of
 * them is vetoed. Pairs never compared (not blocked together) count neither for nor against. Returns a
 * cluster id per record.
 */
export function clusterRecords(recordCount: number, pairs: readonly ScoredPair[], options: ClusterOptions): Int32Array {
  const a = new Uint32Array(pairs.length);
  const b = new Uint32Array(pairs.length);
  const probability = new Float64Array(pairs.length);
  pairs.forEach((pair, k) => {
    a[k] = pair.a;
    b[k] = pair.b;
    probability[k] = pair.probability;
  });
  return clusterPairArrays(recordCount, { a, b, probability }, options);
}

/**
 * `clusterRecords` over typed arrays, in memory proportional to the pairs (no objects per pair): each
 * record's scored pairs are laid out once as adjacency lists, and the cohesion of a merge is read from the
 * lists of the smaller cluster's members — so a merge costs that cluster's degree, not |A|·|B|. Ties in
 * probability are taken in input order.
 */
export function clusterPairArrays(recordCount: number, pairs: ScoredPairArrays, options: ClusterOptions): Int32Array {
  const minCohesion = logOdds(options.minCohesion ?? options.threshold);
  const count = pairs.a.length;
  // Adjacency lists (compressed rows): for each record, its neighbours and the pair's log-odds.
  const offsets = new Uint32Array(recordCount + 1);
  for (let k = 0; k < count; k++) {
    offsets[pairs.a[k]! + 1]!++;
    offsets[pairs.b[k]! + 1]!++;
  }
  for (let i = 0; i < recordCount; i++) offsets[i + 1]! += offsets[i]!;
  const neighbour = new Uint32Array(2 * count);
  const weight = new Float32Array(2 * count);
  const vetoed = new Uint8Array(2 * count);
  const fill = offsets.slice(0, recordCount);
  for (let k = 0; k < count; k++) {
    const w = logOdds(pairs.probability[k]!);
    const veto = pairs.probability[k]! < VETO_PROBABILITY ? 1 : 0;
    for (const [x, y] of [[pairs.a[k]!, pairs.b[k]!], [pairs.b[k]!, pairs.a[k]!]] as const) {
      const at = fill[x]!++;
      neighbour[at] = y;
      weight[at] = w;
      vetoed[at] = veto;
    }
  }

  const parent = new Int32Array(recordCount);
  const size = new Int32Array(recordCount).fill(1);
  const next = new Int32Array(recordCount).fill(-1);
  const last = new Int32Array(recordCount);
  for (let i = 0; i < recordCount; i++) {
    parent[i] = i;
    last[i] = i;
  }
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };

  let candidateCount = 0;
  for (let k = 0; k < count; k++) if (pairs.probability[k]! >= options.threshold) candidateCount++;
  const candidates = new Uint32Array(candidateCount);
  for (let k = 0, c = 0; k < count; k++) if (pairs.probability[k]! >= options.threshold) candidates[c++] = k;
  candidates.sort((x, y) => pairs.probability[y]! - pairs.probability[x]! || x - y);

  for (const k of candidates) {
    const ra = find(pairs.a[k]!);
    const rb = find(pairs.b[k]!);
    if (ra === rb) continue;
    const [small, big] = size[ra]! <= size[rb]! ? [ra, rb] : [rb, ra];
    let sum = 0;
    let scored = 0;
    let veto = false;
    for (let x = small; x !== -1 && !veto; x = next[x]!) {
      for (let at = offsets[x]!; at < offsets[x + 1]!; at++) {
        if (find(neighbour[at]!) !== big) continue;
        if (vetoed[at]) veto = true;
        sum += weight[at]!;
        scored++;
      }
    }
    if (!veto && options.cannotLink && size[small]! * size[big]! <= CANNOT_LINK_CHECK_LIMIT) {
      for (let x = small; x !== -1 && !veto; x = next[x]!) for (let y = big; y !== -1 && !veto; y = next[y]!) veto = options.cannotLink(x, y);
    }
    if (veto || (scored > 0 && sum / scored < minCohesion)) continue;
    // Members of `small` follow those of `big`; the bigger cluster's root stays the root.
    parent[small] = big;
    next[last[big]!] = small;
    last[big] = last[small]!;
    size[big]! += size[small]!;
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
