import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { CliError } from '../../cli/cli-error.ts';
import { PAIRS_HEADER } from '../csv/pairs-csv-writer.ts';
import { formatCsvRow } from '../csv/rfc4180.ts';
import type { ClusterLists } from './closure-chunk.ts';
import type { PhaseProgress } from './phase-progress.ts';
import type { TaskPool } from './worker-pool.ts';
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

/**
 * The clusters of two or more records in the order of their first record (each record's label is the smallest
 * record of its cluster), with their members ascending — in shared memory, for the worker threads.
 */
export function clusterLists(label: Int32Array): ClusterLists {
  const n = label.length;
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) size[label[i]!]!++;
  let clusters = 0;
  let members = 0;
  for (let i = 0; i < n; i++) {
    if (size[i]! < 2) continue;
    clusters++;
    members += size[i]!;
  }
  const start = new Int32Array(new SharedArrayBuffer(4 * (clusters + 1)));
  const list = new Uint32Array(new SharedArrayBuffer(Math.max(4, 4 * members)));
  // Each cluster's next free slot, by its first record.
  const fill = new Int32Array(n);
  for (let i = 0, c = 0, at = 0; i < n; i++) {
    if (size[i]! < 2) continue;
    fill[i] = at;
    at += size[i]!;
    start[++c] = at;
  }
  for (let i = 0; i < n; i++) if (size[label[i]!]! > 1) list[fill[label[i]!]!++] = i;
  return { start, members: list };
}

/** Closure rows per writing task, at least; each thread gets several tasks so that they end together. */
const MIN_TASK_PAIRS = 50_000;
const TASKS_PER_THREAD = 8;

/** Runs of consecutive clusters with about the same number of pairs each: [from, to) cluster ranges. */
function closureTasks(clusters: ClusterLists, threads: number): [number, number][] {
  const count = clusters.start.length - 1;
  const pairsOf = (c: number) => {
    const size = clusters.start[c + 1]! - clusters.start[c]!;
    return (size * (size - 1)) / 2;
  };
  let total = 0;
  for (let c = 0; c < count; c++) total += pairsOf(c);
  const perTask = Math.max(MIN_TASK_PAIRS, Math.ceil(total / (threads * TASKS_PER_THREAD)));
  const tasks: [number, number][] = [];
  for (let from = 0; from < count; ) {
    let to = from;
    for (let pairs = 0; to < count && pairs < perTask; to++) pairs += pairsOf(to);
    tasks.push([from, to]);
    from = to;
  }
  return tasks;
}

/** Appends a file's bytes, from byte `skip`, to an open file descriptor. */
function appendFile(out: number, path: string, buffer: Buffer, skip = 0): void {
  const fd = openSync(path, 'r');
  try {
    let position = skip;
    for (let read = readSync(fd, buffer, 0, buffer.length, position); read > 0; read = readSync(fd, buffer, 0, buffer.length, position)) {
      writeSync(out, buffer, 0, read);
      position += read;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes every pair of records that ended in the same cluster (the closure), clusters in the order of their
 * first record and pairs in record order, as the in-memory command wrote them. Runs of clusters are written
 * by the worker threads to chunk files (closure-chunk.ts: each pair compared again and formatted there);
 * the chunks are appended in order as they arrive. The threads must have had a 'setup-write' task with
 * `clusters`. Returns the rows written.
 */
export async function writeClosure(path: string, workspace: Workspace, clusters: ClusterLists, pool: TaskPool, progress: PhaseProgress): Promise<number> {
  let rows = 0;
  await atomically(path, workspace, async (temporary) => {
    const tasks = closureTasks(clusters, pool.size);
    progress.resize(tasks.length);
    const chunks = tasks.map((_, t) => workspace.path(`closure-${t}.csv`));
    const written = tasks.map(([from, to], t) => pool.run<number>({ kind: 'write-closure', from, to, output: chunks[t]! }));
    // Every task is started, and awaited in order, so none is left running if one fails.
    const settled = Promise.allSettled(written);
    const out = openSync(temporary, 'w');
    const buffer = Buffer.allocUnsafe(1 << 20);
    try {
      writeSync(out, formatCsvRow(PAIRS_HEADER));
      for (let t = 0; t < tasks.length; t++) {
        const count = await written[t]!;
        appendFile(out, chunks[t]!, buffer);
        rmSync(chunks[t]!, { force: true });
        rows += count;
        progress.step(count);
      }
    } finally {
      closeSync(out);
      await settled;
    }
  });
  return rows;
}

/** Joins the workers' --candidates chunks (each starts with the header line) into one file. */
export async function joinCandidateChunks(path: string, workspace: Workspace, chunks: readonly string[]): Promise<void> {
  const header = Buffer.from(formatCsvRow(PAIRS_HEADER));
  await atomically(path, workspace, async (temporary) => {
    const out = openSync(temporary, 'w');
    const buffer = Buffer.allocUnsafe(1 << 20);
    try {
      writeSync(out, header);
      for (const chunk of chunks) appendFile(out, chunk, buffer, header.length);
    } finally {
      closeSync(out);
    }
  });
}
