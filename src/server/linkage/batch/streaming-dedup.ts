import { MAX_BLOCK_SIZE } from '../../../core/linkage/engine/link-records.ts';
import { statSync } from 'node:fs';
import { comparisonSpecs } from '../../../core/linkage/engine/compare-records.ts';
import { DedupInputError } from '../csv/dedup-input-error.ts';
import type { ProgressOutput } from '../csv/progress-bar.ts';
import { blockMembership } from './block-membership.ts';
import { buildBlocks } from './build-blocks.ts';
import { IdStore } from './id-store.ts';
import { allocateAnswers } from './pair-statistics.ts';
import { PhaseProgress } from './phase-progress.ts';
import { readRecords, type ReadInput } from './read-records.ts';
import { loadIntoSharedMemory, RecordStoreWriter } from './record-store.ts';
import { trainClusterAndWrite } from './train-cluster-write.ts';
import type { RandomSample } from './train-model.ts';
import { createTaskPool, defaultWorkerCount } from './worker-pool.ts';
import { Workspace } from './workspace.ts';

export interface StreamingDedupOptions {
  input: ReadInput;
  /** --link: a second file; only pairs across the two files are written. */
  link?: ReadInput;
  output: string;
  candidates?: string;
  threshold: number;
  otherColumns: readonly string[];
  maxBlockSize?: number;
  /** Worker threads (0: everything on the main thread). Default: one per core, none for inputs under 2 MiB. */
  workers?: number;
  /**
   * Stored records up to this many bytes are held in shared memory (off the JS heap) while pairs are
   * compared; beyond it they are read from disk one by one (slower, but the memory stays bounded).
   */
  recordMemoryBytes?: number;
  /** "Today" for two-digit years and future dates (tests); default: the current date. */
  reference?: Date;
  progress: ProgressOutput;
}

/** Below this much input, worker threads cost more to start (each loads the code) than they save. */
const SMALL_INPUT_BYTES = 2 * 2 ** 20;

function workersFor(paths: readonly string[]): number {
  let bytes = 0;
  for (const path of paths) {
    try {
      bytes += statSync(path).size;
    } catch {
      // Unreadable: the reader reports it clearly in a moment.
    }
  }
  return bytes < SMALL_INPUT_BYTES ? 0 : defaultWorkerCount();
}

/** Default budget for stored records in shared memory (about two million records). */
const DEFAULT_RECORD_MEMORY = 1024 * 2 ** 20;

export interface StreamingDedupResult {
  records: number;
  candidatePairs: number;
  pairsWritten: number;
  skippedBlocks: number;
  warnings: Record<string, number>;
  /** For each record (in file order), the smallest record index of its cluster. */
  clusterOf: Int32Array;
}

/**
 * `sanad dedup` on files of any size with a flat JS heap: records, blocking keys, compared and scored pairs
 * live in temporary files and typed arrays, and only bounded batches are ever on the heap. Phases: read and
 * prepare (workers), blocking keys and external sort, comparison of each candidate pair once (workers),
 * training on a bounded sample, scoring (workers, also writing --candidates), clustering per threshold
 * component, and the closure of each cluster written at the end. Same clusters as the in-memory
 * `linkRecords` when the candidate pairs fit in the training sample.
 */
export async function streamingDedup(options: StreamingDedupOptions): Promise<StreamingDedupResult> {
  const maxBlockSize = options.maxBlockSize ?? MAX_BLOCK_SIZE;
  const otherColumns = [...options.otherColumns];
  const fields = comparisonSpecs(otherColumns).length;
  const workspace = new Workspace();
  const workers = options.workers ?? workersFor([options.input.path, ...(options.link ? [options.link.path] : [])]);
  const pool = createTaskPool(workers);
  const statisticsThread = createTaskPool(workers > 0 ? 1 : 0);
  try {
    const state = {
      ids: new IdStore(),
      store: new RecordStoreWriter(workspace.path('records.jsonl')),
      statistics: statisticsThread,
      questionsPath: workspace.path('questions.jsonl'),
      statisticsPending: Promise.resolve() as Promise<unknown>,
      warnings: {},
    };
    const reference = options.reference ?? null;
    await readRecords(options.input, state, pool, options.progress, reference);
    const linkBoundary = options.link ? state.ids.count : null;
    if (options.link) await readRecords(options.link, state, pool, options.progress, reference);
    // Fresh workers for the next phases: the preparing ones hold normalisation caches no later phase reads.
    await pool.recycle();
    const offsets = state.store.finish();
    await state.statisticsPending;
    const recordCount = state.ids.count;
    if (recordCount === 0) throw new DedupInputError('empty-file', `${options.input.path} has a header but no records.`);
    const memory = loadIntoSharedMemory(state.store.path, offsets[recordCount]!, options.recordMemoryBytes ?? DEFAULT_RECORD_MEMORY);
    const answers = allocateAnswers(recordCount);
    await statisticsThread.run({ kind: 'stats-answer', answers });
    await statisticsThread.close();
    await pool.broadcast({ kind: 'setup-records', recordsPath: state.store.path, offsets, memory, answers, otherColumns, maxBlockSize, fields });
    const blocks = await buildBlocks(recordCount, answers, maxBlockSize, pool, workspace, options.progress);
    await pool.broadcast({ kind: 'setup-compare', membership: blockMembership(blocks.blockFile, blocks.tasks, recordCount) });
    const comparing = new PhaseProgress(options.progress, 'comparing candidate pairs', blocks.tasks.length, 'pairs');
    const comparisonFiles = blocks.tasks.map((_, t) => workspace.path(`compared-${t}.bin`));
    const comparisons = Promise.all(
      blocks.tasks.map(async (range, t) => {
        const count = await pool.run<number>({ kind: 'compare', blockFile: blocks.blockFile, range, output: comparisonFiles[t]! });
        comparing.step(count);
        return count;
      }),
    );
    // The random pairs training needs for u are drawn by the first worker to run out of blocks to compare.
    const randomSample = pool.run<RandomSample>({ kind: 'random-sample' });
    randomSample.catch(() => undefined); // A failure is reported where it is awaited (or the run has failed already).
    const counts = await comparisons;
    comparing.finish();
    const candidatePairs = counts.reduce((sum, n) => sum + n, 0);
    const records = { path: state.store.path, offsets, memory };
    const compared = { workspace, pool, records, answers, ids: state.ids, comparisonFiles, counts, randomSample, otherColumns, fields, linkBoundary };
    const { pairsWritten, clusterOf } = await trainClusterAndWrite(compared, { output: options.output, ...(options.candidates ? { candidates: options.candidates } : {}), threshold: options.threshold, progress: options.progress });
    return { records: recordCount, candidatePairs, pairsWritten, skippedBlocks: blocks.oversizedKeys.size, warnings: state.warnings, clusterOf };
  } finally {
    await pool.close();
    await statisticsThread.close();
    workspace.dispose();
  }
}
