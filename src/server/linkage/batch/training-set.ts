import type { PairComparison } from '../../../core/linkage/engine/pair-comparison.ts';

/**
 * The comparisons a model is trained on (a bounded sample of the candidate pairs, and random pairs for u), in
 * typed arrays: compact on the main thread, and copied cheaply to each worker, which trains the same model
 * from it (training is deterministic) instead of receiving the model's functions.
 */
export interface TrainingSet {
  fields: number;
  blockedVectors: Uint8Array;
  blockedLogs: Float64Array;
  randomVectors: Uint8Array;
  randomLogs: Float64Array;
  /** Pairs blocked out of all possible pairs, for a random pair's prior (trainLinkModel's `population`). */
  population: { blockedPairs: number; allPairs: number };
}

export function packComparisons(comparisons: readonly PairComparison[], fields: number): { vectors: Uint8Array; logs: Float64Array } {
  const vectors = new Uint8Array(comparisons.length * fields);
  const logs = new Float64Array(comparisons.length * 2);
  comparisons.forEach((comparison, i) => {
    vectors.set(comparison.vector, i * fields);
    logs[2 * i] = comparison.givenLog;
    logs[2 * i + 1] = comparison.familyLog;
  });
  return { vectors, logs };
}

export function unpackComparisons(vectors: Uint8Array, logs: Float64Array, fields: number): PairComparison[] {
  const count = logs.length / 2;
  const comparisons: PairComparison[] = new Array(count);
  for (let i = 0; i < count; i++) comparisons[i] = { vector: vectors.subarray(i * fields, (i + 1) * fields), givenLog: logs[2 * i]!, familyLog: logs[2 * i + 1]! };
  return comparisons;
}
