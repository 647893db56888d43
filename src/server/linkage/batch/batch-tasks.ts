import { forgetNameComparisons } from '../../../core/linkage/compare/name-levels.ts';
import type { LinkModel } from '../../../core/linkage/engine/link-model.ts';
import { prepareRecord } from '../../../core/linkage/engine/prepare-record.ts';
import { toComparable } from '../../../core/linkage/engine/comparable.ts';
import type { RawPersonRecord } from '../../../core/linkage/record.ts';
import type { BlockRange } from './block-file.ts';
import type { BlockMembership } from './block-membership.ts';
import { writeKeyRuns, type KeyTaskContext } from './block-keys.ts';
import { writeClosureChunk, type ClosureContext, type ClusterLists } from './closure-chunk.ts';
import type { ClosureComparisons } from './closure-comparisons.ts';
import { clusterComponents } from './cluster-components.ts';
import { compareBlockRange, type CompareContext } from './compare-blocks.ts';
import { sharedIdReader, type SharedIds } from './id-store.ts';
import { questionsOf, type StatisticsAnswers } from './pair-statistics.ts';
import { encodeRecord, forgetDecodedRecords } from './record-codec.ts';
import { RecordStoreReader } from './record-store.ts';
import { scoreComparisons } from './score-comparisons.ts';
import { StatisticsTask } from './statistics-task.ts';
import { modelFromTrainingSet, sampleRandomComparisons } from './train-model.ts';
import type { TrainingSet } from './training-set.ts';

/**
 * The work the batch hands to worker threads (or runs on the main thread when there are none): the same
 * functions either way, so results do not depend on where they ran.
 */
export type BatchTask =
  | { kind: 'prepare'; raws: RawPersonRecord[]; reference: number | null }
  | { kind: 'stats-add'; questionsPath: string; questions: (string | null)[] }
  | { kind: 'stats-answer'; answers: StatisticsAnswers }
  | { kind: 'setup-records'; recordsPath: string; offsets: Float64Array; memory: Uint8Array | null; answers: StatisticsAnswers; otherColumns: string[]; maxBlockSize: number; fields: number }
  | { kind: 'keys'; from: number; to: number; directory: string; prefix: string }
  | { kind: 'setup-compare'; membership: BlockMembership }
  | { kind: 'compare'; blockFile: string; range: BlockRange; output: string }
  | { kind: 'setup-score'; training: TrainingSet; otherColumns: string[]; fields: number; ids: SharedIds | null; linkBoundary: number | null }
  | { kind: 'score'; comparisonFile: string; scoredFile: string; candidatesFile: string | null }
  | { kind: 'random-sample' }
  | { kind: 'cluster'; size: number; a: Uint32Array; b: Uint32Array; probability: Float64Array; threshold: number }
  | { kind: 'setup-write'; recordsPath: string; offsets: Float64Array; memory: Uint8Array | null; answers: StatisticsAnswers; otherColumns: string[]; ids: SharedIds; clusters: ClusterLists; compared: ClosureComparisons }
  | { kind: 'write-closure'; from: number; to: number; output: string }
  | { kind: 'teardown' };

export interface PreparedBatch {
  /** Each record encoded for the record store (record-codec.ts). */
  lines: string[];
  /** Each record's statistics questions (questionsOf), three values per record, for the statistics thread. */
  questions: (string | null)[];
  warnings: Record<string, number>;
}

/** What one thread remembers between tasks of a phase. */
interface TaskState {
  statistics?: StatisticsTask;
  records?: KeyTaskContext & { fields: number };
  compare?: CompareContext;
  score?: { model: LinkModel; fields: number; idOf: ((index: number) => string) | null; linkBoundary: number | null };
  /** Writing the closure: set up after scoring, whose model it uses. */
  write?: ClosureContext;
}

export function createTaskRunner(): (task: BatchTask) => Promise<unknown> {
  const state: TaskState = {};
  return async (task) => {
    switch (task.kind) {
      case 'prepare': {
        const options = task.reference === null ? {} : { reference: new Date(task.reference) };
        const warnings: Record<string, number> = {};
        const questions: (string | null)[] = [];
        const lines = task.raws.map((raw) => {
          const prepared = prepareRecord(raw, options);
          for (const warning of prepared.warnings) warnings[warning] = (warnings[warning] ?? 0) + 1;
          const comparable = toComparable(prepared);
          questions.push(...questionsOf(comparable));
          return encodeRecord(comparable);
        });
        return { lines, questions, warnings } satisfies PreparedBatch;
      }
      case 'stats-add':
        (state.statistics ??= new StatisticsTask(task.questionsPath)).add(task.questions);
        return null;
      case 'stats-answer':
        state.statistics!.answer(task.answers);
        delete state.statistics;
        return null;
      case 'setup-records':
        state.records?.records.close();
        state.records = { records: new RecordStoreReader(task.recordsPath, task.offsets, task.memory), answers: task.answers, otherColumns: task.otherColumns, maxBlockSize: task.maxBlockSize, fields: task.fields };
        return null;
      case 'keys':
        return writeKeyRuns(state.records!, task.from, task.to, task.directory, task.prefix);
      case 'setup-compare':
        state.compare = { records: state.records!.records, answers: state.records!.answers, otherColumns: state.records!.otherColumns, fields: state.records!.fields, membership: task.membership };
        return null;
      case 'compare':
        return compareBlockRange(state.compare!, task.blockFile, task.range, task.output);
      case 'setup-score':
        state.records?.records.close();
        delete state.records;
        delete state.compare;
        // Scoring weighs stored comparisons: the comparing caches go before training needs the heap (a
        // worker has the process's --max-old-space-size too).
        forgetNameComparisons();
        forgetDecodedRecords();
        state.score = {
          model: modelFromTrainingSet(task.training, task.otherColumns),
          fields: task.fields,
          idOf: task.ids ? sharedIdReader(task.ids) : null,
          linkBoundary: task.linkBoundary,
        };
        return null;
      case 'score': {
        const score = state.score!;
        return scoreComparisons(score.model, task.comparisonFile, score.fields, {
          scoredFile: task.scoredFile,
          ...(task.candidatesFile ? { candidatesFile: task.candidatesFile, idOf: score.idOf! } : {}),
          ...(score.linkBoundary === null ? {} : { linkBoundary: score.linkBoundary }),
        });
      }
      case 'random-sample':
        return sampleRandomComparisons(state.records!.records, state.records!.otherColumns, state.records!.answers);
      case 'cluster':
        return clusterComponents(task.size, task.a, task.b, task.probability, task.threshold);
      case 'setup-write':
        state.write?.records.close();
        state.write = {
          records: new RecordStoreReader(task.recordsPath, task.offsets, task.memory),
          idOf: sharedIdReader(task.ids),
          model: state.score!.model,
          answers: task.answers,
          otherColumns: task.otherColumns,
          linkBoundary: state.score!.linkBoundary,
          clusters: task.clusters,
          compared: task.compared,
        };
        return null;
      case 'write-closure':
        return writeClosureChunk(state.write!, task.from, task.to, task.output);
      case 'teardown':
        state.records?.records.close();
        state.write?.records.close();
        delete state.write;
        delete state.records;
        delete state.compare;
        delete state.score;
        return null;
    }
  };
}
