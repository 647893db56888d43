import { z } from 'zod';
import { Timestamp, Uuid } from './common.ts';

export const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted']);

export const JobView = z.object({
  id: Uuid,
  kind: z.string(),
  status: JobStatus.describe('interrupted: the server stopped while the job ran; start it again'),
  progress: z.object({ done: z.number(), total: z.number().nullable() }),
  message: z.string().nullable(),
  result: z.unknown(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  cancelRequested: z.boolean(),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
});
export type JobView = z.infer<typeof JobView>;

export const JobAccepted = z.object({ jobId: Uuid });
