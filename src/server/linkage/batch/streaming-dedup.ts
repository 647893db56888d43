import { MAX_BLOCK_SIZE } from '../../../core/linkage/engine/link-records.ts';
import { rmSync, statSync } from 'node:fs';
import { comparisonSpecs } from '../../../core/linkage/engine/compare-records.ts';
import { DedupInputError } from '../csv/dedup-input-error.ts';
import type { ProgressOutput } from '../csv/progress-bar.ts';
import { buildBlocks } from './build-blocks.ts';
import { clusterScoredFiles } from './cluster-components.ts';
import { IdStore } from './id-store.ts';
import { allocateAnswers } from './pair-statistics.ts';
import { PhaseProgress } from './phase-progress.ts';
import { readRecords, type ReadInput } from './read-records.ts';
import { loadIntoSharedMemory, RecordStoreReader, RecordStoreWriter } from './record-store.ts';
import { modelFromTrainingSet, sampleComparisons, sampleRandomComparisons, TRAINING_RESERVOIR } from './train-model.ts';
import type { TrainingSet } from './training-set.ts';
import { createTaskPool, defaultWorkerCount } from './worker-pool.ts';
import { countClusters, joinCandidateChunks, writeClosure } from './write-outputs.ts';
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
  let reader: RecordStoreReader | null = null;
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
    reader = new RecordStoreReader(state.store.path, offsets, memory);
    const answers = allocateAnswers(recordCount);
    await statisticsThread.run({ kind: 'stats-answer', answers });
    await statisticsThread.close();
    await pool.broadcast({ kind: 'setup-records', recordsPath: state.store.path, offsets, memory, answers, otherColumns, maxBlockSize, fields });
    const blocks = await buildBlocks(recordCount, answers, maxBlockSize, pool, workspace, options.progress);
    await pool.broadcast({ kind: 'setup-compare', oversizedKeys: [...blocks.oversizedKeys], windowed: blocks.windowed });
    const comparing = new PhaseProgress(options.progress, 'comparing candidate pairs (blocks)', blocks.tasks.length);
    const comparisonFiles = blocks.tasks.map((_, t) => workspace.path(`compared-${t}.bin`));
    const counts = await Promise.all(
      blocks.tasks.map(async (range, t) => {
        const count = await pool.run<number>({ kind: 'compare', blockFile: blocks.blockFile, range, output: comparisonFiles[t]! });
        comparing.add(1);
        return count;
      }),
    );
    comparing.finish();
    const candidatePairs = counts.reduce((sum, n) => sum + n, 0);

    const training = new PhaseProgress(options.progress, 'training (sampling compared pairs)', candidatePairs);
    const blocked = sampleComparisons(comparisonFiles, counts, fields, TRAINING_RESERVOIR, () => training.tick());
    const random = sampleRandomComparisons(reader, otherColumns, answers);
    const trainingSet: TrainingSet = { fields, blockedVectors: blocked.vectors, blockedLogs: blocked.logs, randomVectors: random.vectors, randomLogs: random.logs };
    // Every thread trains the same model from the same sample (deterministic): the workers meanwhile.
    const workersTrained = pool.broadcast({ kind: 'setup-score', training: trainingSet, otherColumns, fields, ids: options.candidates ? state.ids.toShared() : null, linkBoundary });
    const model = modelFromTrainingSet(trainingSet, otherColumns);
    await workersTrained;
    training.finish();

    const scoring = new PhaseProgress(options.progress, 'scoring', comparisonFiles.length);
    const scoredFiles = comparisonFiles.map((_, t) => workspace.path(`scored-${t}.bin`));
    const candidateChunks = comparisonFiles.map((_, t) => workspace.path(`candidates-${t}.csv`));
    await Promise.all(
      comparisonFiles.map(async (file, t) => {
        await pool.run({ kind: 'score', comparisonFile: file, scoredFile: scoredFiles[t]!, candidatesFile: options.candidates ? candidateChunks[t]! : null });
        rmSync(file, { force: true });
        scoring.add(1);
      }),
    );
    scoring.finish();
    await pool.broadcast({ kind: 'teardown' });

    const clustering = new PhaseProgress(options.progress, 'clustering', 1);
    const clusterOf = await clusterScoredFiles(recordCount, scoredFiles, options.threshold, pool);
    clustering.add(1);
    clustering.finish();

    const writing = new PhaseProgress(options.progress, 'writing clusters', countClusters(clusterOf));
    const idOf = (index: number) => state.ids.get(index);
    const pairsWritten = await writeClosure(options.output, workspace, clusterOf, { records: reader, idOf, model, answers, otherColumns, linkBoundary }, () => writing.tick());
    writing.finish();
    if (options.candidates) await joinCandidateChunks(options.candidates, workspace, candidateChunks);
    return { records: recordCount, candidatePairs, pairsWritten, skippedBlocks: blocks.oversizedKeys.size, warnings: state.warnings, clusterOf };
  } finally {
    reader?.close();
    await pool.close();
    await statisticsThread.close();
    workspace.dispose();
  }
}
