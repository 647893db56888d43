import { clusterPairArrays } from '../../../core/linkage/model/cluster.ts';
import { forEachScoredChunk } from './scored-file.ts';
import type { TaskPool } from './worker-pool.ts';

/**
 * Pairs per clustering task, at least: enough that a task's set-up (a message, a few arrays) is negligible,
 * small enough that every worker gets several tasks (one huge component still makes one task).
 */
const MIN_TASK_PAIRS = 20_000;
const TASKS_PER_THREAD = 4;

/**
 * Clusters the pairs of one or more whole threshold components with `clusterPairArrays` (local record
 * indices 0…size-1). The pairs of each component come in record order, as the in-memory blocking lists them:
 * equal probabilities are then taken in the same order, which keeps the clusters identical. Components are
 * independent (no pair joins two of them), so clustering several at once gives what clustering each alone
 * gives: a merge and its cohesion only ever read pairs inside one component.
 */
export function clusterComponents(size: number, a: Uint32Array, b: Uint32Array, probability: Float64Array, threshold: number): Int32Array {
  return clusterPairArrays(size, { a, b, probability }, { threshold });
}

/** Threshold components by union–find over the pairs at or above the threshold: each record's root is its component's smallest record. */
function thresholdComponents(recordCount: number, scoredFiles: readonly string[], threshold: number): Int32Array {
  const parent = new Int32Array(recordCount);
  for (let i = 0; i < recordCount; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  forEachScoredChunk(scoredFiles, (ids, probabilities, count) => {
    for (let k = 0; k < count; k++) {
      if (probabilities[2 * k + 1]! < threshold) continue;
      const ra = find(ids[4 * k]!);
      const rb = find(ids[4 * k + 1]!);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  });
  const root = new Int32Array(recordCount);
  for (let i = 0; i < recordCount; i++) root[i] = find(i);
  return root;
}

/** The pairs inside components, grouped by their first record a: a's are b[start[a]…start[a+1]), in b order, with their probabilities. */
interface PairsByFirstRecord {
  start: Uint32Array;
  b: Uint32Array;
  probability: Float64Array;
}

/** Sorts one record's run of pairs by b (b values are distinct: each pair was compared once). */
function sortRun(b: Uint32Array, probability: Float64Array, from: number, to: number): void {
  if (to - from > 32) {
    // Long runs are rare (a record in many blocks): an index sort.
    const order = Array.from({ length: to - from }, (_, k) => from + k).sort((x, y) => b[x]! - b[y]!);
    const sortedB = Uint32Array.from(order, (k) => b[k]!);
    const sortedP = Float64Array.from(order, (k) => probability[k]!);
    b.set(sortedB, from);
    probability.set(sortedP, from);
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const key = b[k]!;
    const value = probability[k]!;
    let at = k - 1;
    for (; at >= from && b[at]! > key; at--) {
      b[at + 1] = b[at]!;
      probability[at + 1] = probability[at]!;
    }
    b[at + 1] = key;
    probability[at + 1] = value;
  }
}

/**
 * The pairs inside a component (low scores included: cohesion reads them), laid out by first record in two
 * passes over the scored files — one counting each record's pairs, one placing them — so they come out in
 * record order with no sort over all pairs: a's run only needs its b's put in order.
 */
function pairsInsideComponents(scoredFiles: readonly string[], root: Int32Array): PairsByFirstRecord {
  const recordCount = root.length;
  const start = new Uint32Array(recordCount + 1);
  forEachScoredChunk(scoredFiles, (ids, _, count) => {
    for (let k = 0; k < count; k++) {
      const a = ids[4 * k]!;
      // Two records with the same root are in one component of two or more records.
      if (root[a] === root[ids[4 * k + 1]!]) start[a + 1]!++;
    }
  });
  for (let i = 0; i < recordCount; i++) start[i + 1]! += start[i]!;
  const b = new Uint32Array(start[recordCount]!);
  const probability = new Float64Array(start[recordCount]!);
  const fill = start.slice(0, recordCount);
  forEachScoredChunk(scoredFiles, (ids, probabilities, count) => {
    for (let k = 0; k < count; k++) {
      const a = ids[4 * k]!;
      if (root[a] !== root[ids[4 * k + 1]!]) continue;
      const at = fill[a]!++;
      b[at] = ids[4 * k + 1]!;
      probability[at] = probabilities[2 * k + 1]!;
    }
  });
  for (let a = 0; a < recordCount; a++) if (start[a + 1]! - start[a]! > 1) sortRun(b, probability, start[a]!, start[a + 1]!);
  return { start, b, probability };
}

export interface ClusteringProgress {
  /** The components to cluster, once they are known. */
  components(total: number): void;
  /** `count` more components clustered. */
  clustered(count: number): void;
}

/**
 * Clusters the scored pairs with `clusterRecords`'s rules without holding every pair. Which pairs can matter:
 * a merge joins two clusters linked by a pair at or above the threshold, and its cohesion check reads the
 * scores between the members of those two clusters — so it only ever reads pairs whose records are connected
 * through above-threshold pairs (the same "threshold component"). A first pass finds these components
 * (union–find over the above-threshold pairs, in typed arrays); a second keeps only the pairs inside a
 * component — low scores included, which cohesion needs — laid out by first record. Runs of whole components
 * are clustered as tasks on the worker threads (each component's pairs in (a, b) order), which gives the
 * clusters `clusterRecords` gives on all pairs at once. A component chained through frequent names can hold
 * most of the pairs: it is one task (core clustering is sequential), sent first as it has the smallest root
 * more often than not.
 * Returns, for every record, the smallest record index of its cluster (itself when alone).
 */
export async function clusterScoredFiles(recordCount: number, scoredFiles: readonly string[], threshold: number, pool: TaskPool, progress?: ClusteringProgress): Promise<Int32Array> {
  const root = thresholdComponents(recordCount, scoredFiles, threshold);
  const size = new Int32Array(recordCount);
  for (let i = 0; i < recordCount; i++) size[root[i]!]!++;
  let components = 0;
  for (let r = 0; r < recordCount; r++) if (root[r] === r && size[r]! > 1) components++;
  progress?.components(components);

  const pairs = pairsInsideComponents(scoredFiles, root);
  const pairCount = pairs.b.length;

  // Members of each component in ascending order (a stable counting sort of the records by root).
  const memberStart = new Int32Array(recordCount + 1);
  for (let i = 0; i < recordCount; i++) if (size[root[i]!]! > 1) memberStart[root[i]! + 1]!++;
  for (let i = 0; i < recordCount; i++) memberStart[i + 1]! += memberStart[i]!;
  const members = new Uint32Array(memberStart[recordCount]!);
  const fill = memberStart.slice(0, recordCount);
  for (let i = 0; i < recordCount; i++) if (size[root[i]!]! > 1) members[fill[root[i]!]!++] = i;
  // Pairs of each component (by root): the runs of its members.
  const componentPairs = new Float64Array(recordCount);
  for (let i = 0; i < recordCount; i++) componentPairs[root[i]!]! += pairs.start[i + 1]! - pairs.start[i]!;

  const label = new Int32Array(recordCount);
  for (let i = 0; i < recordCount; i++) label[i] = i;
  const local = new Int32Array(recordCount);
  const taskPairs = Math.max(MIN_TASK_PAIRS, Math.ceil(pairCount / (pool.size * TASKS_PER_THREAD)));
  const tasks: Promise<void>[] = [];
  // Runs of whole components in root order; within a component, its members' runs in member order give the
  // pairs in (a, b) order.
  let r = 0;
  while (r < recordCount) {
    const firstMember = memberStart[r]!;
    let count = 0;
    let taskComponents = 0;
    for (; r < recordCount && count < taskPairs; r++) {
      if (root[r] !== r || size[r]! < 2) continue;
      taskComponents++;
      count += componentPairs[r]!;
    }
    const list = members.subarray(firstMember, memberStart[r]!);
    if (list.length === 0) continue;
    list.forEach((member, position) => (local[member] = position));
    const a = new Uint32Array(count);
    const b = new Uint32Array(count);
    const probability = new Float64Array(count);
    let k = 0;
    for (let position = 0; position < list.length; position++) {
      const member = list[position]!;
      for (let at = pairs.start[member]!; at < pairs.start[member + 1]!; at++, k++) {
        a[k] = position;
        b[k] = local[pairs.b[at]!]!;
        probability[k] = pairs.probability[at]!;
      }
    }
    const apply = (ids: Int32Array) => {
      // Members are ascending within each component, and a cluster never leaves its component: the first
      // member seen of each cluster is its smallest.
      const smallest = new Int32Array(list.length).fill(-1);
      for (let position = 0; position < list.length; position++) {
        const cluster = ids[position]!;
        if (smallest[cluster] === -1) smallest[cluster] = list[position]!;
        label[list[position]!] = smallest[cluster]!;
      }
      progress?.clustered(taskComponents);
    };
    tasks.push(pool.run<Int32Array>({ kind: 'cluster', size: list.length, a, b, probability, threshold }).then(apply));
  }
  await Promise.all(tasks);
  return label;
}
