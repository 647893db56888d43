import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getDatabase } from '../../db/database-handle.ts';
import { SANAD_VERSION } from '../../version.ts';

const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgresql']),
  version: z.string(),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['health'], summary: 'Liveness and database check', response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      const db = getDatabase();
      try {
        await db.query('select 1');
        return { status: 'ok' as const, database: db.engine, version: SANAD_VERSION };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, database: db.engine, version: SANAD_VERSION });
      }
    },
  );
};
