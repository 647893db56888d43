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

const SAMPLE_CHUNK_BYTES = 1 << 21;

/** Reads `bytes` bytes at `position` (a regular file returns them all unless it ends first). */
function readFully(fd: number, buffer: Buffer, bytes: number, position: number): void {
  for (let done = 0; done < bytes; ) {
    const read = readSync(fd, buffer, done, bytes - done, position + done);
    if (read === 0) throw new Error('streaming batch: a comparison file ended before its pairs were all read');
    done += read;
  }
}

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
 * pairs to keep in one pass over the files.
 */
export function sampleComparisons(files: readonly string[], counts: readonly number[], fields: number, capacity: number, onPairs?: (count: number) => void): { vectors: Uint8Array; logs: Float64Array } {
  const total = counts.reduce((sum, n) => sum + n, 0);
  const kept = Math.min(total, capacity);
  const vectors = new Uint8Array(kept * fields);
  const logs = new Float64Array(kept * 2);
  const random = xorshift(0x5eed);
  let slot = 0;
  let seen = 0;
  const size = comparisonBytes(fields);
  const chunkPairs = Math.floor(SAMPLE_CHUNK_BYTES / size);
  const chunk = Buffer.allocUnsafe(chunkPairs * size);
  files.forEach((file, f) => {
    if (kept === total) {
      for (const { comparison } of readComparisons(file, fields)) {
        vectors.set(comparison.vector, slot * fields);
        logs[2 * slot] = comparison.givenLog;
        logs[2 * slot + 1] = comparison.familyLog;
        slot++;
      }
      onPairs?.(counts[f]!);
      return;
    }
    // Read in large sequential chunks: the picks are spread over the whole file, so nearly every page is read
    // anyway, and one read per chunk costs far less than one per picked pair.
    const fd = openSync(file, 'r');
    try {
      for (let first = 0; first < counts[f]!; first += chunkPairs) {
        const inChunk = Math.min(chunkPairs, counts[f]! - first);
        readFully(fd, chunk, inChunk * size, first * size);
        for (let i = 0; i < inChunk; i++, seen++) {
          if (random() * (total - seen) >= kept - slot) continue;
          const at = i * size;
          vectors.set(chunk.subarray(at + 24, at + size), slot * fields);
          logs[2 * slot] = chunk.readDoubleLE(at + 8);
          logs[2 * slot + 1] = chunk.readDoubleLE(at + 16);
          slot++;
        }
        onPairs?.(inChunk);
      }
    } finally {
      closeSync(fd);
    }
  });
  return { vectors: vectors.subarray(0, slot * fields), logs: logs.subarray(0, slot * 2) };
}

/** The random pairs' comparisons, packed (training-set.ts). */
export type RandomSample = { vectors: Uint8Array; logs: Float64Array };

/**
 * Random pairs compared for u, exactly as the in-memory batch draws them: `randomComparisons` over an
 * array-like view of the record store that reads each record when it is asked for. It asks for the two
 * records of a pair, then compares them: the statistics are focused on the last two records read (and
 * PairStatistics refuses, loudly, any question about other records).
 */
export function sampleRandomComparisons(records: RecordStoreReader, otherColumns: readonly string[], answers: StatisticsAnswers): RandomSample {
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
  return trainLinkModel(comparisonSpecs(otherColumns), blocked, random, { population: set.population });
}

