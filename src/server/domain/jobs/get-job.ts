import type { JobView } from '../../../core/schemas/job.ts';
import { AppError } from '../../errors/app-error.ts';
import { loadJob, requestCancel } from '../../jobs/runner.ts';
import type { JobRecord } from '../../repositories/jobs.ts';
import type { Actor } from '../actor.ts';
import { can } from '../authorize.ts';

/** A job is visible to the user who started it and to holders of job.read. */
async function visibleJob(actor: Actor, id: string): Promise<JobRecord> {
  const job = await loadJob(actor, id);
  if (!job) throw new AppError('NOT_FOUND');
  if (job.createdBy !== actor.accountId && !can(actor, 'job.read')) throw new AppError('NOT_FOUND');
  return job;
}

export async function getJob({ actor, id }: { actor: Actor; id: string }): Promise<JobRecord> {
  return visibleJob(actor, id);
}

export async function cancelJob({ actor, id }: { actor: Actor; id: string }): Promise<JobRecord> {
  const job = await visibleJob(actor, id);
  if (!['queued', 'running'].includes(job.status)) throw new AppError('JOB_NOT_CANCELLABLE');
  return (await requestCancel(actor, id)) ?? job;
}

export function presentJob(j: JobRecord): JobView {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    progress: { done: j.progressDone, total: j.progressTotal },
    message: j.message,
    result: j.result ?? null,
    error: j.error,
    cancelRequested: j.cancelRequested,
    createdAt: j.createdAt.toISOString(),
    startedAt: j.startedAt?.toISOString() ?? null,
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}
