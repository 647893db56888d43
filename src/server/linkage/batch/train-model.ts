import { closeSync, openSync, readSync } from 'node:fs';
import type { ComparableRecord } from '../../../core/linkage/engine/comparable.ts';
import { comparisonSpecs } from '../../../core/linkage/engine/compare-records.ts';
import { trainLinkModel, type LinkModel } from '../../../core/linkage/engine/link-model.ts';
import { randomComparisons } from '../../../core/linkage/engine/link-records.ts';
import { PairStatistics, type StatisticsAnswers } from './pair-statistics.ts';
import { comparisonBytes, readComparisons } from './comparison-file.ts';
import type { RecordStoreReader } from './record-store.ts';
import { packComparisons, unpackComparisons, type TrainingSet } from './training-set.ts';

/** Candidate-pair comparisons EM trains on; below this every candidate pair is used (as in memory). */
export const TRAINING_RESERVOIR = 300_000;
/** Random pairs for u, and their seed: the in-memory batch's defaults, so small inputs give its results. */
const RANDOM_PAIRS = 50_000;
const RANDOM_SEED = 1;

function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/**
 * A uniform sample of at most `capacity` compared pairs from the comparison files (whose pair counts are
 * known), kept in typed arrays. When every pair fits, all of them, in file order (as the in-memory batch
 * trains). Otherwise selection sampling (Knuth's algorithm S, fixed seed, so deterministic) picks which
 * pairs to keep in one pass over the indices, and only the picked fixed-size records are read.
 */
export function sampleComparisons(files: readonly string[], counts: readonly number[], fields: number, capacity: number, onPair?: () => void): { vectors: Uint8Array; logs: Float64Array } {
  const total = counts.reduce((sum, n) => sum + n, 0);
  const kept = Math.min(total, capacity);
  const vectors = new Uint8Array(kept * fields);
  const logs = new Float64Array(kept * 2);
  const random = xorshift(0x5eed);
  let slot = 0;
  let seen = 0;
  const size = comparisonBytes(fields);
  const record = Buffer.allocUnsafe(size);
  files.forEach((file, f) => {
    if (kept === total) {
      for (const { comparison } of readComparisons(file, fields)) {
        vectors.set(comparison.vector, slot * fields);
        logs[2 * slot] = comparison.givenLog;
        logs[2 * slot + 1] = comparison.familyLog;
        slot++;
        onPair?.();
      }
      return;
    }
    const fd = openSync(file, 'r');
    try {
      for (let i = 0; i < counts[f]!; i++, seen++) {
        onPair?.();
        if (random() * (total - seen) >= kept - slot) continue;
        readSync(fd, record, 0, size, i * size);
        vectors.set(record.subarray(24, size), slot * fields);
        logs[2 * slot] = record.readDoubleLE(8);
        logs[2 * slot + 1] = record.readDoubleLE(16);
        slot++;
      }
    } finally {
      closeSync(fd);
    }
  });
  return { vectors: vectors.subarray(0, slot * fields), logs: logs.subarray(0, slot * 2) };
}

/**
 * Random pairs compared for u, exactly as the in-memory batch draws them: `randomComparisons` over an
 * array-like view of the record store that reads each record when it is asked for. It asks for the two
 * records of a pair, then compares them: the statistics are focused on the last two records read (and
 * PairStatistics refuses, loudly, any question about other records).
 */
export function sampleRandomComparisons(records: RecordStoreReader, otherColumns: readonly string[], answers: StatisticsAnswers): { vectors: Uint8Array; logs: Float64Array } {
  const statistics = new PairStatistics(answers);
  let previous: [number, ComparableRecord] | null = null;
  const view = new Proxy([] as ComparableRecord[], {
    get(target, property) {
      if (property === 'length') return records.count;
      if (typeof property === 'string' && /^\d+$/.test(property)) {
        const index = Number(property);
        const record = records.get(index);
        if (previous) statistics.focus(previous[0], previous[1], index, record);
        previous = [index, record];
        return record;
      }
      return Reflect.get(target, property);
    },
  });
  const fields = comparisonSpecs(otherColumns).length;
  return packComparisons(randomComparisons(view, RANDOM_PAIRS, RANDOM_SEED, otherColumns, statistics), fields);
}

/** The model of a training set: the same on every thread that trains it. */
export function modelFromTrainingSet(set: TrainingSet, otherColumns: readonly string[]): LinkModel {
  const blocked = unpackComparisons(set.blockedVectors, set.blockedLogs, set.fields);
  const random = unpackComparisons(set.randomVectors, set.randomLogs, set.fields);
  return trainLinkModel(comparisonSpecs(otherColumns), blocked, random);
}

