import { basename } from 'node:path';
import type { RawPersonRecord } from '../../../core/linkage/record.ts';
import { openRecordStream } from '../csv/open-record-stream.ts';
import type { ColumnMapping } from '../csv/parse-mapping.ts';
import { ProgressBar, type ProgressOutput } from '../csv/progress-bar.ts';
import type { PreparedBatch } from './batch-tasks.ts';
import type { IdStore } from './id-store.ts';
import type { RecordStoreWriter } from './record-store.ts';
import type { TaskPool } from './worker-pool.ts';

/** Records sent to a worker at a time, and batches in flight per worker (enough to keep both sides busy). */
const PREPARE_BATCH = 512;
const IN_FLIGHT_PER_WORKER = 3;

export interface ReadInput {
  path: string;
  mapping: ColumnMapping;
  idColumn?: string;
}

export interface ReadState {
  ids: IdStore;
  store: RecordStoreWriter;
  /** The statistics thread (statistics-task.ts), fed each stored record's statistics questions in file order. */
  statistics: TaskPool;
  questionsPath: string;
  /** The statistics thread's last batch: awaited before the next one, so at most one waits in its queue. */
  statisticsPending: Promise<unknown>;
  warnings: Record<string, number>;
}

/**
 * Pass 1 over one CSV file: streams its records, has the workers prepare them (normalise, comparable form,
 * encoded), and in file order stores each id and encoded record and passes it to the statistics thread. Memory
 * stays bounded: at most a few batches are in flight, and everything kept per record is off the heap.
 */
export async function readRecords(input: ReadInput, state: ReadState, pool: TaskPool, progressOutput: ProgressOutput, reference: Date | null): Promise<number> {
  const bar = new ProgressBar({ output: progressOutput, label: `reading ${basename(input.path)}` });
  const stream = await openRecordStream(input.path, { mapping: input.mapping, ...(input.idColumn ? { idColumn: input.idColumn } : {}), onProgress: (progress) => bar.update(progress) });
  const inFlight: { ids: string[]; result: Promise<PreparedBatch> }[] = [];
  let count = 0;
  const absorb = async () => {
    const { ids, result } = inFlight.shift()!;
    const { lines, questions, warnings } = await result;
    lines.forEach((line, i) => {
      state.ids.add(ids[i]!);
      state.store.addEncoded(line);
    });
    await state.statisticsPending;
    state.statisticsPending = state.statistics.run({ kind: 'stats-add', questionsPath: state.questionsPath, questions });
    for (const [code, n] of Object.entries(warnings)) state.warnings[code] = (state.warnings[code] ?? 0) + n;
  };
  const send = (raws: RawPersonRecord[]) => {
    inFlight.push({ ids: raws.map((raw) => raw.id), result: pool.run<PreparedBatch>({ kind: 'prepare', raws, reference: reference?.getTime() ?? null }) });
  };
  try {
    let batch: RawPersonRecord[] = [];
    for await (const { record } of stream) {
      batch.push(record);
      count++;
      if (batch.length === PREPARE_BATCH) {
        send(batch);
        batch = [];
        if (inFlight.length >= pool.size * IN_FLIGHT_PER_WORKER) await absorb();
      }
    }
    if (batch.length) send(batch);
    while (inFlight.length) await absorb();
  } catch (error) {
    // Let the batches already sent settle, so no worker result is left unobserved.
    await Promise.allSettled([...inFlight.map((entry) => entry.result), state.statisticsPending]);
    throw error;
  }
  bar.finish({ records: count, bytesRead: stream.totalBytes, totalBytes: stream.totalBytes });
  return count;
}
