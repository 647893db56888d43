import { closeSync, createWriteStream, openSync, readSync, writeSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { ComparableRecord } from '../../../core/linkage/engine/comparable.ts';
import type { LinkModel } from '../../../core/linkage/engine/link-model.ts';
import { comparePair } from '../../../core/linkage/engine/pair-comparison.ts';

import { CliError } from '../../cli/cli-error.ts';
import { PAIRS_HEADER, PairsCsvWriter, type ScoredPair } from '../csv/pairs-csv-writer.ts';
import { formatCsvRow } from '../csv/rfc4180.ts';
import { agreeingFields } from './agreeing-fields.ts';
import { PairStatistics, type StatisticsAnswers } from './pair-statistics.ts';
import type { RecordStoreReader } from './record-store.ts';
import type { Workspace } from './workspace.ts';

/** Writes to a temporary name and renames at the end, so a failed run never leaves a half-written file. */
async function atomically(path: string, workspace: Workspace, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = `${path}.partial-${process.pid}`;
  workspace.removeOnInterrupt(temporary);
  try {
    await write(temporary);
    await rename(temporary, path);
    workspace.keep(temporary);
  } catch (error) {
    await rm(temporary, { force: true });
    workspace.keep(temporary);
    throw new CliError(`Cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface ClosureContext {
  records: RecordStoreReader;
  idOf: (index: number) => string;
  model: LinkModel;
  answers: StatisticsAnswers;
  otherColumns: readonly string[];
  /** With --link: records below this index come from the first file; only pairs across the files are written. */
  linkBoundary: number | null;
}

/**
 * Every pair of records that ended in the same cluster (the closure), clusters in the order of their first
 * record and pairs in record order, as the in-memory command wrote them. Each pair is compared again here:
 * pairs never compared directly need it, and for the others it gives exactly the stored score.
 */
function* closurePairs(label: Int32Array, context: ClosureContext, onCluster: () => void): Generator<ScoredPair> {
  const n = label.length;
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) size[label[i]!]!++;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + (size[i]! > 1 ? size[i]! : 0);
  const members = new Uint32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let i = 0; i < n; i++) if (size[label[i]!]! > 1) members[fill[label[i]!]!++] = i;
  const statistics = new PairStatistics(context.answers);
  const crosses = (a: number, b: number) => context.linkBoundary === null || (a < context.linkBoundary) !== (b < context.linkBoundary);
  for (let first = 0; first < n; first++) {
    if (size[first]! < 2) continue;
    const list = members.subarray(start[first]!, start[first + 1]!);
    const records: ComparableRecord[] = Array.from(list, (index) => context.records.get(index));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (!crosses(list[i]!, list[j]!)) continue;
        const focused = statistics.focus(list[i]!, records[i]!, list[j]!, records[j]!);
        const score = context.model.weigh(comparePair(records[i]!, records[j]!, context.otherColumns, focused));
        yield { idA: context.idOf(list[i]!), idB: context.idOf(list[j]!), score: score.probability, agreeingFields: agreeingFields(context.model.params, score) };
      }
    }
    onCluster();
  }
}

/** Counts the clusters of two or more records (for progress). */
export function countClusters(label: Int32Array): number {
  let clusters = 0;
  const size = new Int32Array(label.length);
  for (const cluster of label) if (++size[cluster]! === 2) clusters++;
  return clusters;
}

export async function writeClosure(path: string, workspace: Workspace, label: Int32Array, context: ClosureContext, onCluster: () => void): Promise<number> {
  let count = 0;
  await atomically(path, workspace, async (temporary) => {
    const writer = new PairsCsvWriter(createWriteStream(temporary));
    for (const pair of closurePairs(label, context, onCluster)) {
      await writer.write(pair);
      count++;
    }
    await writer.close();
  });
  return count;
}

/** Joins the workers' --candidates chunks (each starts with the header line) into one file. */
export async function joinCandidateChunks(path: string, workspace: Workspace, chunks: readonly string[]): Promise<void> {
  const header = Buffer.from(formatCsvRow(PAIRS_HEADER));
  await atomically(path, workspace, async (temporary) => {
    const out = openSync(temporary, 'w');
    const buffer = Buffer.allocUnsafe(1 << 20);
    try {
      writeSync(out, header);
      for (const chunk of chunks) {
        const fd = openSync(chunk, 'r');
        try {
          let position = header.length;
          for (let read = readSync(fd, buffer, 0, buffer.length, position); read > 0; read = readSync(fd, buffer, 0, buffer.length, position)) {
            writeSync(out, buffer, 0, read);
            position += read;
          }
        } finally {
          closeSync(fd);
        }
      }
    } finally {
      closeSync(out);
    }
  });
}
