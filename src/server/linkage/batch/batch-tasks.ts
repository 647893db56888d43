import type { LinkModel } from '../../../core/linkage/engine/link-model.ts';
import { prepareRecord } from '../../../core/linkage/engine/prepare-record.ts';
import { toComparable } from '../../../core/linkage/engine/comparable.ts';
import type { RawPersonRecord } from '../../../core/linkage/record.ts';
import type { BlockRange } from './block-file.ts';
import type { WindowedBlocks } from './build-blocks.ts';
import { writeKeyRuns, type KeyTaskContext } from './block-keys.ts';
import { clusterComponent } from './cluster-components.ts';
import { compareBlockRange, type CompareContext } from './compare-blocks.ts';
import { sharedIdReader, type SharedIds } from './id-store.ts';
import type { StatisticsAnswers } from './pair-statistics.ts';
import { encodeRecord } from './record-codec.ts';
import { RecordStoreReader } from './record-store.ts';
import { scoreComparisons } from './score-comparisons.ts';
import { StatisticsTask } from './statistics-task.ts';
import { modelFromTrainingSet } from './train-model.ts';
import type { TrainingSet } from './training-set.ts';

/**
 * The work the batch hands to worker threads (or runs on the main thread when there are none): the same
 * functions either way, so results do not depend on where they ran.
 */
export type BatchTask =
  | { kind: 'prepare'; raws: RawPersonRecord[]; reference: number | null }
  | { kind: 'stats-add'; questionsPath: string; lines: string[] }
  | { kind: 'stats-answer'; answers: StatisticsAnswers }
  | { kind: 'setup-records'; recordsPath: string; offsets: Float64Array; memory: Uint8Array | null; answers: StatisticsAnswers; otherColumns: string[]; maxBlockSize: number; fields: number }
  | { kind: 'keys'; from: number; to: number; directory: string; prefix: string }
  | { kind: 'setup-compare'; oversizedKeys: string[]; windowed: WindowedBlocks }
  | { kind: 'compare'; blockFile: string; range: BlockRange; output: string }
  | { kind: 'setup-score'; training: TrainingSet; otherColumns: string[]; fields: number; ids: SharedIds | null; linkBoundary: number | null }
  | { kind: 'score'; comparisonFile: string; scoredFile: string; candidatesFile: string | null }
  | { kind: 'cluster'; size: number; a: Uint32Array; b: Uint32Array; probability: Float64Array; threshold: number }
  | { kind: 'teardown' };

export interface PreparedBatch {
  /** Each record encoded for the record store (record-codec.ts). */
  lines: string[];
  warnings: Record<string, number>;
}

/** What one thread remembers between tasks of a phase. */
interface TaskState {
  statistics?: StatisticsTask;
  records?: KeyTaskContext & { fields: number };
  compare?: CompareContext;
  score?: { model: LinkModel; fields: number; idOf: ((index: number) => string) | null; linkBoundary: number | null };
}

export function createTaskRunner(): (task: BatchTask) => Promise<unknown> {
  const state: TaskState = {};
  return async (task) => {
    switch (task.kind) {
      case 'prepare': {
        const options = task.reference === null ? {} : { reference: new Date(task.reference) };
        const warnings: Record<string, number> = {};
        const lines = task.raws.map((raw) => {
          const prepared = prepareRecord(raw, options);
          for (const warning of prepared.warnings) warnings[warning] = (warnings[warning] ?? 0) + 1;
          return encodeRecord(toComparable(prepared));
        });
        return { lines, warnings } satisfies PreparedBatch;
      }
      case 'stats-add':
        (state.statistics ??= new StatisticsTask(task.questionsPath)).add(task.lines);
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
        state.compare = { ...state.records!, oversizedKeys: new Set(task.oversizedKeys), windowed: task.windowed };
        return null;
      case 'compare':
        return compareBlockRange(state.compare!, task.blockFile, task.range, task.output);
      case 'setup-score':
        state.records?.records.close();
        delete state.records;
        delete state.compare;
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
      case 'cluster':
        return clusterComponent(task.size, task.a, task.b, task.probability, task.threshold);
      case 'teardown':
        state.records?.records.close();
        delete state.records;
        delete state.compare;
        delete state.score;
        return null;
    }
  };
}
