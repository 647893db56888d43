import { v7 as uuidv7 } from 'uuid';
import { withOwnerTransaction, withTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/actor.ts';
import { isAppError } from '../errors/app-error.ts';
import { findJob, insertJob, updateJob, type JobRecord } from '../repositories/jobs.ts';
import { logger, now } from '../services.ts';

/**
 * The in-process job runner for long work (imports, exports, batch dedup): a job row records status and
 * progress; the work runs in the background as a series of short transaction units; cancel aborts its
 * signal; on start-up, jobs a previous process left running are marked `interrupted`.
 */
export interface JobContext<I> {
  actor: Actor;
  jobId: string;
  input: I;
  signal: AbortSignal;
  /** Records progress (its own short unit) and throws if the job was cancelled. */
  progress(done: number, total?: number | null, message?: string | null): Promise<void>;
}

export type JobHandler<I = unknown, R = unknown> = (ctx: JobContext<I>) => Promise<R>;

const handlers = new Map<string, JobHandler>();
const running = new Map<string, { controller: AbortController; done: Promise<void> }>();

export function registerJobKind<I, R>(kind: string, handler: JobHandler<I, R>): void {
  handlers.set(kind, handler as JobHandler);
}

class JobCancelled extends Error {}

/** Records a job and starts it in the background; returns at once with the queued job. */
export async function startJob(actor: Actor, kind: string, input: unknown): Promise<JobRecord> {
  const handler = handlers.get(kind);
  if (!handler) throw new Error(`Unknown job kind ${kind}`);
  const id = uuidv7();
  const job = await withTransaction(actor, async (tx) => {
    const created = await insertJob(tx, { id, organisationId: actor.organisationId, kind, input, createdBy: actor.accountId, at: now() });
    tx.audit({ action: 'job.started', targetType: 'job', targetId: id, payload: { kind } });
    return created;
  });
  const controller = new AbortController();
  const done = run(actor, job, handler, controller).finally(() => running.delete(id));
  running.set(id, { controller, done });
  return job;
}

async function run(actor: Actor, job: JobRecord, handler: JobHandler, controller: AbortController): Promise<void> {
  const set = (patch: Parameters<typeof updateJob>[3]) =>
    withTransaction(actor, (tx) => updateJob(tx, actor.organisationId, job.id, patch, now()));
  try {
    await set({ status: 'running', startedAt: now() });
    const result = await handler({
      actor,
      jobId: job.id,
      input: job.input,
      signal: controller.signal,
      async progress(done, total, message) {
        if (controller.signal.aborted) throw new JobCancelled();
        const row = await set({
          progressDone: done,
          ...(total !== undefined ? { progressTotal: total } : {}),
          ...(message !== undefined ? { message } : {}),
        });
        if (row?.cancelRequested) {
          controller.abort();
          throw new JobCancelled();
        }
      },
    });
    if (controller.signal.aborted) throw new JobCancelled();
    await set({ status: 'succeeded', result, finishedAt: now() });
  } catch (error) {
    if (error instanceof JobCancelled || controller.signal.aborted) {
      await set({ status: 'cancelled', finishedAt: now() }).catch(() => undefined);
      return;
    }
    logger().error({ err: error, jobId: job.id, kind: job.kind }, 'job failed');
    const failure = isAppError(error)
      ? { code: error.code, message: error.message }
      : { code: 'INTERNAL_ERROR', message: 'The job failed; the error was logged.' };
    await set({ status: 'failed', error: failure, finishedAt: now() }).catch(() => undefined);
  }
}

/** Asks a job to stop; it ends as `cancelled` at its next progress report. */
export async function requestCancel(actor: Actor, id: string): Promise<JobRecord | null> {
  const row = await withTransaction(actor, async (tx) => {
    const updated = await updateJob(tx, actor.organisationId, id, { cancelRequested: true }, now());
    if (updated) tx.audit({ action: 'job.cancel_requested', targetType: 'job', targetId: id });
    return updated;
  });
  running.get(id)?.controller.abort();
  return row;
}

/** Waits for a job started in this process (tests, graceful shutdown). */
export async function settled(id?: string): Promise<void> {
  if (id) await running.get(id)?.done;
  else await Promise.all([...running.values()].map((r) => r.done));
}

/** Aborts every running job (shutdown): they end as cancelled or, if the process dies first, interrupted. */
export function abortAll(): void {
  for (const r of running.values()) r.controller.abort();
}

/** On start-up: jobs that a previous process left queued or running can no longer finish. */
export async function markInterruptedJobs(): Promise<number> {
  return withOwnerTransaction('jobs.recover', async (tx) => {
    const rows = await tx.query(
      `update jobs set status = 'interrupted', finished_at = $1, updated_at = $1,
         message = 'The server stopped while this job ran; start it again.'
       where status in ('queued', 'running') returning id`,
      [now()],
    );
    return rows.length;
  });
}

export async function loadJob(actor: Actor, id: string): Promise<JobRecord | null> {
  return withTransaction(actor, (tx) => findJob(tx, actor.organisationId, id));
}
