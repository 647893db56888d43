import { blockingEntries } from '../../../core/linkage/engine/blocking.ts';
import { KeyRunWriter } from './key-runs.ts';
import { PairStatistics, type StatisticsAnswers } from './pair-statistics.ts';
import type { RecordStoreReader } from './record-store.ts';

export interface KeyTaskContext {
  records: RecordStoreReader;
  answers: StatisticsAnswers;
  otherColumns: readonly string[];
  maxBlockSize: number;
}

/**
 * The blocking entries of records `from` … `to` (exclusive), written as sorted runs named `prefix-N.bin` in
 * `directory`. A record files once under a key (g with its swapped form can repeat one): its first entry
 * counts, as in the in-memory blocking.
 */
export function writeKeyRuns(context: KeyTaskContext, from: number, to: number, directory: string, prefix: string): { runs: string[]; entries: number } {
  const statistics = new PairStatistics(context.answers);
  const options = { maxBlockSize: context.maxBlockSize, statistics };
  const runs = new KeyRunWriter(directory, prefix);
  // A record has a dozen entries: a short array finds a repeated key faster than a fresh Set per record.
  const seen: string[] = [];
  for (const [index, record] of context.records.range(from, to)) {
    statistics.focus(index, record, index, record);
    seen.length = 0;
    for (const { key, sort } of blockingEntries(record, options, context.otherColumns)) {
      if (seen.includes(key)) continue;
      seen.push(key);
      runs.add(key, sort, index);
    }
  }
  return { runs: runs.finish(), entries: runs.entries };
}
