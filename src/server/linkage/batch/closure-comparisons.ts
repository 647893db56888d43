import { forEachFixedSizeChunk } from './fixed-size-chunks.ts';
import type { ClusterLists } from './closure-chunk.ts';
import { comparisonBytes } from './comparison-file.ts';
import { identityOrder, stableSortBy } from './counting-sort.ts';
import { GrowableArray } from './growable-array.ts';

/**
 * The closure pairs that were compared directly, with their comparison (level vector and name-frequency
 * logs), grouped by cluster and in record order within each — the order the closure visits them — in shared
 * memory for the worker threads: cluster c's are k = start[c]…start[c+1]), pair k being records a[k] < b[k],
 * logs [given, family] at 2k, its vector at k·fields.
 */
export interface ClosureComparisons {
  start: Int32Array;
  a: Uint32Array;
  b: Uint32Array;
  logs: Float64Array;
  vectors: Uint8Array;
  fields: number;
}

const CHUNK_BYTES = 1 << 21;

function shared<T extends Uint32Array | Float64Array | Uint8Array | Int32Array>(Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
  return new Type(new SharedArrayBuffer(Math.max(1, length) * Type.BYTES_PER_ELEMENT));
}

/**
 * Reads the comparison files once and keeps the pairs whose two records ended in the same cluster (`label`:
 * each record's smallest cluster member). Most closure pairs are among them, and re-weighing a stored
 * comparison gives exactly what comparing the two records again gives, for a fraction of the cost.
 */
export function closureComparisons(comparisonFiles: readonly string[], fields: number, label: Int32Array, clusters: ClusterLists): ClosureComparisons {
  const size = comparisonBytes(fields);
  const keptA = new GrowableArray(Uint32Array, 1 << 16);
  const keptB = new GrowableArray(Uint32Array, 1 << 16);
  const keptLogs = new GrowableArray(Float64Array, 1 << 17);
  const keptVectors = new GrowableArray(Uint8Array, fields << 16);
  const buffer = Buffer.allocUnsafe(Math.floor(CHUNK_BYTES / size) * size);
  forEachFixedSizeChunk(comparisonFiles, buffer, size, (count) => {
    for (let k = 0, at = 0; k < count; k++, at += size) {
      const a = buffer.readUInt32LE(at);
      const b = buffer.readUInt32LE(at + 4);
      // Records alone have themselves as label: equal labels mean one cluster of two or more.
      if (label[a] !== label[b]) continue;
      keptA.push(a);
      keptB.push(b);
      keptLogs.push(buffer.readDoubleLE(at + 8));
      keptLogs.push(buffer.readDoubleLE(at + 16));
      for (let f = 0; f < fields; f++) keptVectors.push(buffer[at + 24 + f]!);
    }
  });

  // Cluster index of each pair, through the cluster's first record.
  const clusterCount = clusters.start.length - 1;
  const clusterOfFirst = new Int32Array(label.length);
  for (let c = 0; c < clusterCount; c++) clusterOfFirst[clusters.members[clusters.start[c]!]!] = c;
  const a = keptA.view();
  const b = keptB.view();
  const pairCount = a.length;
  const cluster = new Int32Array(pairCount);
  for (let k = 0; k < pairCount; k++) cluster[k] = clusterOfFirst[label[a[k]!]!]!;
  // (cluster, a, b) order: least significant key first, each sort stable.
  let order = stableSortBy(identityOrder(pairCount), b, label.length);
  order = stableSortBy(order, a, label.length);
  order = stableSortBy(order, cluster, clusterCount);

  const result: ClosureComparisons = {
    start: shared(Int32Array, clusterCount + 1),
    a: shared(Uint32Array, pairCount),
    b: shared(Uint32Array, pairCount),
    logs: shared(Float64Array, 2 * pairCount),
    vectors: shared(Uint8Array, fields * pairCount),
    fields,
  };
  const logs = keptLogs.view();
  const vectors = keptVectors.view();
  for (let k = 0; k < pairCount; k++) {
    const p = order[k]!;
    result.a[k] = a[p]!;
    result.b[k] = b[p]!;
    result.logs[2 * k] = logs[2 * p]!;
    result.logs[2 * k + 1] = logs[2 * p + 1]!;
    result.vectors.set(vectors.subarray(p * fields, (p + 1) * fields), k * fields);
    result.start[cluster[p]! + 1]!++;
  }
  for (let c = 0; c < clusterCount; c++) result.start[c + 1]! += result.start[c]!;
  return result;
}
