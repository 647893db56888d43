import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEventQuery, AuditEventView } from '../../../core/schemas/audit.ts';
import { IdParams, PageOf } from '../../../core/schemas/common.ts';
import { getAuditEvent } from '../../domain/audit/get-audit-event.ts';
import { listAuditEvents } from '../../domain/audit/list-audit-events.ts';
import { presentAuditEvent } from '../../domain/audit/present-audit-event.ts';
import { ListQuery } from '../../domain/pagination.ts';
import { actorOf } from '../authentication.ts';
import { errors } from '../route-schemas.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/audit-events',
    { schema: { tags: ['audit'], summary: 'The organisation audit trail, newest first', querystring: ListQuery.extend(AuditEventQuery.shape), response: { 200: PageOf(AuditEventView), ...errors } } },
    async (request) => listAuditEvents({ actor: actorOf(request), query: request.query }),
  );

  app.get(
    '/api/v1/audit-events/:id',
    { schema: { tags: ['audit'], params: IdParams, response: { 200: AuditEventView, ...errors } } },
    async (request) => presentAuditEvent(await getAuditEvent({ actor: actorOf(request), id: request.params.id })),
  );
};
