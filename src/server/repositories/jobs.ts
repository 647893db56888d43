import type { SqlRunner } from '../db/client.ts';

export interface JobRecord {
  id: string;
  organisationId: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';
  progressDone: number;
  progressTotal: number | null;
  message: string | null;
  input: unknown;
  result: unknown;
  error: { code: string; message: string } | null;
  cancelRequested: boolean;
  createdBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const COLUMNS = `id, organisation_id as "organisationId", kind, status, progress_done as "progressDone",
  progress_total as "progressTotal", message, input, result, error, cancel_requested as "cancelRequested",
  created_by as "createdBy", created_at as "createdAt", started_at as "startedAt", finished_at as "finishedAt"`;

export async function insertJob(
  db: SqlRunner,
  job: { id: string; organisationId: string; kind: string; input: unknown; createdBy: string | null; at: Date },
): Promise<JobRecord> {
  const [row] = await db.query<JobRecord>(
    `insert into jobs (organisation_id, id, kind, status, input, created_by, created_at, updated_at)
     values ($1, $2, $3, 'queued', $4, $5, $6, $6) returning ${COLUMNS}`,
    [job.organisationId, job.id, job.kind, JSON.stringify(job.input ?? {}), job.createdBy, job.at],
  );
  return row!;
}

export async function findJob(db: SqlRunner, organisationId: string, id: string): Promise<JobRecord | null> {
  const [row] = await db.query<JobRecord>(`select ${COLUMNS} from jobs where organisation_id = $1 and id = $2`, [
    organisationId,
    id,
  ]);
  return row ?? null;
}

export async function updateJob(
  db: SqlRunner,
  organisationId: string,
  id: string,
  patch: Partial<{
    status: JobRecord['status'];
    progressDone: number;
    progressTotal: number | null;
    message: string | null;
    result: unknown;
    error: unknown;
    cancelRequested: boolean;
    startedAt: Date;
    finishedAt: Date;
  }>,
  at: Date,
): Promise<JobRecord | null> {
  const map: Record<string, [string, (v: unknown) => unknown]> = {
    status: ['status', (v) => v],
    progressDone: ['progress_done', (v) => v],
    progressTotal: ['progress_total', (v) => v],
    message: ['message', (v) => v],
    result: ['result', (v) => JSON.stringify(v ?? null)],
    error: ['error', (v) => JSON.stringify(v ?? null)],
    cancelRequested: ['cancel_requested', (v) => v],
    startedAt: ['started_at', (v) => v],
    finishedAt: ['finished_at', (v) => v],
  };
  const params: unknown[] = [organisationId, id, at];
  const sets = Object.entries(patch).map(([k, v]) => {
    const [column, convert] = map[k]!;
    params.push(convert(v));
    return `${column} = $${params.length}`;
  });
  const [row] = await db.query<JobRecord>(
    `update jobs set ${[...sets, 'updated_at = $3'].join(', ')} where organisation_id = $1 and id = $2 returning ${COLUMNS}`,
    params,
  );
  return row ?? null;
}
