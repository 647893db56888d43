import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../core/schemas/common.ts';
import { JobView } from '../../../core/schemas/job.ts';
import { cancelJob, getJob, presentJob } from '../../domain/jobs/get-job.ts';
import { actorOf } from '../authentication.ts';
import { errors } from '../route-schemas.ts';

export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/jobs/:id',
    { schema: { tags: ['jobs'], summary: 'Status and progress of a long-running job', params: IdParams, response: { 200: JobView, ...errors } } },
    async (request) => presentJob(await getJob({ actor: actorOf(request), id: request.params.id })),
  );

  app.post(
    '/api/v1/jobs/:id/cancel',
    { schema: { tags: ['jobs'], summary: 'Ask a job to stop', params: IdParams, response: { 200: JobView, ...errors } } },
    async (request) => presentJob(await cancelJob({ actor: actorOf(request), id: request.params.id })),
  );
};
