import { openSync, readSync, closeSync } from 'node:fs';
import { clusterPairArrays } from '../../../core/linkage/model/cluster.ts';
import { GrowableArray } from './growable-array.ts';
import { SCORED_BYTES } from './score-comparisons.ts';
import type { TaskPool } from './worker-pool.ts';

/** Components with more pairs than this are clustered on a worker thread. */
const LARGE_COMPONENT_PAIRS = 50_000;

/**
 * One threshold component clustered by `clusterRecords` (local record indices), its pairs in record order as
 * the in-memory blocking lists them: equal probabilities are then taken in the same order, which keeps the
 * clusters identical.
 */
export function clusterComponent(size: number, a: Uint32Array, b: Uint32Array, probability: Float64Array, threshold: number): Int32Array {
  const order = Uint32Array.from({ length: a.length }, (_, k) => k).sort((x, y) => a[x]! - a[y]! || b[x]! - b[y]!);
  return clusterPairArrays(size, { a: order.map((k) => a[k]!), b: order.map((k) => b[k]!), probability: Float64Array.from(order, (k) => probability[k]!) }, { threshold });
}

function* readScored(files: readonly string[]): Generator<[number, number, number]> {
  const buffer = Buffer.allocUnsafe(65_536 * SCORED_BYTES);
  for (const file of files) {
    const fd = openSync(file, 'r');
    try {
      let position = 0;
      for (let read = readSync(fd, buffer, 0, buffer.length, position); read > 0; read = readSync(fd, buffer, 0, buffer.length, position)) {
        position += read;
        for (let at = 0; at + SCORED_BYTES <= read; at += SCORED_BYTES) yield [buffer.readUInt32LE(at), buffer.readUInt32LE(at + 4), buffer.readDoubleLE(at + 8)];
      }
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * Clusters the scored pairs with `clusterRecords` without holding every pair. Which pairs can matter: a merge
 * joins two clusters linked by a pair at or above the threshold, and its cohesion check reads the scores
 * between the members of those two clusters — so it only ever reads pairs whose records are connected
 * through above-threshold pairs (the same "threshold component"). A first pass finds these components
 * (union–find over the above-threshold pairs, in typed arrays); a second keeps only the pairs inside a
 * component — low scores included, which cohesion needs — and each component is clustered on its own with
 * the pairs in record order, which gives the clusters `clusterRecords` gives on all pairs at once.
 * Returns, for every record, the smallest record index of its cluster (itself when alone).
 */
export async function clusterScoredFiles(recordCount: number, scoredFiles: readonly string[], threshold: number, pool: TaskPool, onComponent?: (done: number, total: number) => void): Promise<Int32Array> {
  const parent = new Int32Array(recordCount);
  for (let i = 0; i < recordCount; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const [a, b, probability] of readScored(scoredFiles)) {
    if (probability < threshold) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  // Roots are each component's smallest record, so a component's members are counted under it.
  const root = new Int32Array(recordCount);
  const size = new Int32Array(recordCount);
  for (let i = 0; i < recordCount; i++) size[(root[i] = find(i))]!++;

  const keptA = new GrowableArray(Uint32Array);
  const keptB = new GrowableArray(Uint32Array);
  const keptP = new GrowableArray(Float64Array);
  for (const [a, b, probability] of readScored(scoredFiles)) {
    if (root[a] !== root[b] || size[root[a]!]! < 2) continue;
    keptA.push(a);
    keptB.push(b);
    keptP.push(probability);
  }

  // Members and pairs grouped by component (counting sorts, stable: record order and file order are kept).
  const memberStart = new Int32Array(recordCount + 1);
  for (let i = 0; i < recordCount; i++) if (size[root[i]!]! > 1) memberStart[root[i]! + 1]!++;
  for (let i = 0; i < recordCount; i++) memberStart[i + 1]! += memberStart[i]!;
  const members = new Uint32Array(memberStart[recordCount]!);
  const fill = memberStart.slice(0, recordCount);
  for (let i = 0; i < recordCount; i++) if (size[root[i]!]! > 1) members[fill[root[i]!]!++] = i;

  const pairCount = keptA.length;
  const pairStart = new Int32Array(recordCount + 1);
  const pa = keptA.view();
  const pb = keptB.view();
  const pp = keptP.view();
  for (let p = 0; p < pairCount; p++) pairStart[root[pa[p]!]! + 1]!++;
  for (let i = 0; i < recordCount; i++) pairStart[i + 1]! += pairStart[i]!;
  const pairOrder = new Uint32Array(pairCount);
  const pairFill = pairStart.slice(0, recordCount);
  for (let p = 0; p < pairCount; p++) pairOrder[pairFill[root[pa[p]!]!]!++] = p;

  const label = new Int32Array(recordCount);
  for (let i = 0; i < recordCount; i++) label[i] = i;
  const local = new Int32Array(recordCount);
  let components = 0;
  for (let r = 0; r < recordCount; r++) if (root[r] === r && size[r]! > 1) components++;
  let done = 0;
  const large: Promise<void>[] = [];
  for (let r = 0; r < recordCount; r++) {
    if (root[r] !== r || size[r]! < 2) continue;
    const list = members.subarray(memberStart[r]!, memberStart[r + 1]!);
    list.forEach((member, position) => (local[member] = position));
    const count = pairStart[r + 1]! - pairStart[r]!;
    const a = new Uint32Array(count);
    const b = new Uint32Array(count);
    const probability = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      const p = pairOrder[pairStart[r]! + k]!;
      a[k] = local[pa[p]!]!;
      b[k] = local[pb[p]!]!;
      probability[k] = pp[p]!;
    }
    const apply = (ids: Int32Array) => {
      // Members are in ascending order, so the first member seen of each cluster is its smallest.
      const smallest = new Map<number, number>();
      list.forEach((member, position) => {
        const cluster = ids[position]!;
        if (!smallest.has(cluster)) smallest.set(cluster, member);
        label[member] = smallest.get(cluster)!;
      });
      onComponent?.(++done, components);
    };
    // clusterRecords holds a component's pairs as objects and maps: a large component (chaining through
    // frequent names can join 100,000+ records) is clustered on a worker thread, whose heap is its own.
    if (count > LARGE_COMPONENT_PAIRS) large.push(pool.run<Int32Array>({ kind: 'cluster', size: list.length, a, b, probability, threshold }).then(apply));
    else apply(clusterComponent(list.length, a, b, probability, threshold));
  }
  await Promise.all(large);
  return label;
}
