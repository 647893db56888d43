import { closeSync, openSync, writeSync } from 'node:fs';
import type { ComparableRecord } from '../../../core/linkage/engine/comparable.ts';
import type { LinkModel } from '../../../core/linkage/engine/link-model.ts';
import { comparePair, type PairComparison } from '../../../core/linkage/engine/pair-comparison.ts';
import { formatCsvField } from '../csv/rfc4180.ts';
import { fourDecimals } from '../csv/score-text.ts';
import { AgreeingFieldsText } from './agreeing-fields-text.ts';
import type { ClosureComparisons } from './closure-comparisons.ts';
import { PairStatistics, type StatisticsAnswers } from './pair-statistics.ts';
import type { RecordStoreReader } from './record-store.ts';

/** The clusters of two or more records, in the order of their first record: cluster c's members (ascending) are members[start[c]…start[c+1]). */
export interface ClusterLists {
  start: Int32Array;
  members: Uint32Array;
}

export interface ClosureContext {
  records: RecordStoreReader;
  idOf: (index: number) => string;
  model: LinkModel;
  answers: StatisticsAnswers;
  otherColumns: readonly string[];
  /** With --link: records below this index come from the first file; only pairs across the files are written. */
  linkBoundary: number | null;
  clusters: ClusterLists;
  /** The closure pairs compared directly, re-weighed instead of compared again. */
  compared: ClosureComparisons;
}

/** Characters gathered before each write. */
const WRITE_CHARACTERS = 256 * 1024;

/**
 * Writes the closure rows of clusters `from`…`to` (exclusive) to `path`, without a header: every pair of
 * records of each cluster, pairs in record order, as PairsCsvWriter formats them. A pair compared directly
 * is weighed from its stored comparison (the same vector and logs comparing again would give); the others
 * (linked only through other members) are compared here, their records decoded on first need. Runs on a
 * worker thread; the chunks are joined in cluster order. Returns the rows written.
 */
export function writeClosureChunk(context: ClosureContext, from: number, to: number, path: string): number {
  const { clusters, compared, model, otherColumns, linkBoundary } = context;
  const fields = compared.fields;
  // A stored comparison is copied here for weighing (the model keeps nothing of it): no object per pair.
  const storedComparison: PairComparison = { vector: new Uint8Array(fields), givenLog: Number.NaN, familyLog: Number.NaN };
  const statistics = new PairStatistics(context.answers);
  const agreeing = new AgreeingFieldsText(model.params);
  const fd = openSync(path, 'w');
  let text = '';
  let rows = 0;
  try {
    for (let c = from; c < to; c++) {
      const list = clusters.members.subarray(clusters.start[c]!, clusters.start[c + 1]!);
      const records: (ComparableRecord | undefined)[] = new Array(list.length);
      const record = (position: number) => (records[position] ??= context.records.get(list[position]!));
      const ids = Array.from(list, (index) => context.idOf(index));
      const idFields = ids.map(formatCsvField);
      // The cluster's compared pairs come in the order the loops below visit pairs.
      let next = compared.start[c]!;
      const end = compared.start[c + 1]!;
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const stored = next < end && compared.a[next] === list[i] && compared.b[next] === list[j] ? next++ : -1;
          if (linkBoundary !== null && list[i]! < linkBoundary === list[j]! < linkBoundary) continue;
          let comparison: PairComparison;
          if (stored >= 0) {
            for (let f = 0; f < fields; f++) storedComparison.vector[f] = compared.vectors[stored * fields + f]!;
            storedComparison.givenLog = compared.logs[2 * stored]!;
            storedComparison.familyLog = compared.logs[2 * stored + 1]!;
            comparison = storedComparison;
          } else {
            comparison = comparePair(record(i), record(j), otherColumns, statistics.focus(list[i]!, record(i), list[j]!, record(j)));
          }
          const score = model.weigh(comparison);
          if (!Number.isFinite(score.probability)) throw new RangeError(`score of ${ids[i]}/${ids[j]} is not a finite number: ${score.probability}`);
          text += `${idFields[i]},${idFields[j]},${fourDecimals(score.probability)},${agreeing.of(score)}\r\n`;
          rows++;
          if (text.length >= WRITE_CHARACTERS) {
            writeSync(fd, text);
            text = '';
          }
        }
      }
    }
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return rows;
}
