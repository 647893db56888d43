import { rmSync } from 'node:fs';
import type { ProgressOutput } from '../csv/progress-bar.ts';
import { closureComparisons } from './closure-comparisons.ts';
import { clusterScoredFiles } from './cluster-components.ts';
import type { IdStore } from './id-store.ts';
import type { StatisticsAnswers } from './pair-statistics.ts';
import { PhaseProgress } from './phase-progress.ts';
import { sampleComparisons, TRAINING_RESERVOIR, type RandomSample } from './train-model.ts';
import type { TrainingSet } from './training-set.ts';
import type { TaskPool } from './worker-pool.ts';
import { clusterLists, joinCandidateChunks, writeClosure } from './write-outputs.ts';
import type { Workspace } from './workspace.ts';

/** Where the streaming batch stands once every candidate pair is compared (the files of streaming-dedup.ts). */
export interface ComparedPairs {
  workspace: Workspace;
  /** Its threads hold the records ('setup-records'). */
  pool: TaskPool;
  records: { path: string; offsets: Float64Array; memory: Uint8Array | null };
  answers: StatisticsAnswers;
  ids: IdStore;
  comparisonFiles: readonly string[];
  /** Pairs in each comparison file. */
  counts: readonly number[];
  /** The 'random-sample' task, when it was started already (while comparing); else it is run here. */
  randomSample?: Promise<RandomSample>;
  otherColumns: string[];
  fields: number;
  linkBoundary: number | null;
}

export interface ClusterAndWriteOptions {
  output: string;
  candidates?: string;
  threshold: number;
  progress: ProgressOutput;
}

/**
 * The batch's last phases, from the compared pairs: training on a bounded sample, scoring (workers, also
 * writing --candidates), clustering per threshold component (workers) and the closure of each cluster
 * (workers, joined in order). Returns the rows written and each record's cluster (its smallest record).
 */
export async function trainClusterAndWrite(compared: ComparedPairs, options: ClusterAndWriteOptions): Promise<{ pairsWritten: number; clusterOf: Int32Array }> {
  const { workspace, pool, comparisonFiles, counts, fields, otherColumns, linkBoundary } = compared;
  const candidatePairs = counts.reduce((sum, n) => sum + n, 0);
  const recordCount = compared.ids.count;

  const training = new PhaseProgress(options.progress, 'training (sampling compared pairs)', candidatePairs, 'pairs');
  // The random pairs for u are drawn and compared on a worker (it holds the records) while this thread samples.
  const random = compared.randomSample ?? pool.run<RandomSample>({ kind: 'random-sample' });
  const blocked = sampleComparisons(comparisonFiles, counts, fields, TRAINING_RESERVOIR, (count) => training.add(count));
  const { vectors: randomVectors, logs: randomLogs } = await random;
  // The prior is a random pair's, as the in-memory batch trains it: every candidate pair was blocked.
  const population = { blockedPairs: candidatePairs, allPairs: (recordCount * (recordCount - 1)) / 2 };
  const trainingSet: TrainingSet = { fields, blockedVectors: blocked.vectors, blockedLogs: blocked.logs, randomVectors, randomLogs, population };
  // Every thread trains the same model from the same sample (deterministic); this one needs none: the
  // threads score and write.
  const sharedIds = compared.ids.toShared();
  await pool.broadcast({ kind: 'setup-score', training: trainingSet, otherColumns, fields, ids: options.candidates ? sharedIds : null, linkBoundary });
  training.finish();

  const scoring = new PhaseProgress(options.progress, 'scoring', comparisonFiles.length, 'pairs');
  const scoredFiles = comparisonFiles.map((_, t) => workspace.path(`scored-${t}.bin`));
  const candidateChunks = comparisonFiles.map((_, t) => workspace.path(`candidates-${t}.csv`));
  await Promise.all(
    comparisonFiles.map(async (file, t) => {
      scoring.step(await pool.run<number>({ kind: 'score', comparisonFile: file, scoredFile: scoredFiles[t]!, candidatesFile: options.candidates ? candidateChunks[t]! : null }));
    }),
  );
  scoring.finish();

  const clustering = new PhaseProgress(options.progress, 'clustering', 0, 'components');
  const clusterOf = await clusterScoredFiles(recordCount, scoredFiles, options.threshold, pool, { components: (total) => clustering.resize(total), clustered: (count) => clustering.add(count) });
  clustering.finish();
  for (const file of scoredFiles) rmSync(file, { force: true });

  const writing = new PhaseProgress(options.progress, 'writing clusters', 0, 'pairs');
  const clusters = clusterLists(clusterOf);
  // The comparison files are kept until now for the closure pairs compared directly (most of them).
  const closureCompared = closureComparisons(comparisonFiles, fields, clusterOf, clusters);
  for (const file of comparisonFiles) rmSync(file, { force: true });
  await pool.broadcast({ kind: 'setup-write', recordsPath: compared.records.path, offsets: compared.records.offsets, memory: compared.records.memory, answers: compared.answers, otherColumns, ids: sharedIds, clusters, compared: closureCompared });
  const pairsWritten = await writeClosure(options.output, workspace, clusters, pool, writing);
  writing.finish();
  await pool.broadcast({ kind: 'teardown' });
  if (options.candidates) await joinCandidateChunks(options.candidates, workspace, candidateChunks);
  return { pairsWritten, clusterOf };
}
