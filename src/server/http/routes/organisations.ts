import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, PageOf } from '../../../core/schemas/common.ts';
import { OrganisationCreate, OrganisationKind, OrganisationUpdate, OrganisationView } from '../../../core/schemas/organisation.ts';
import { createOrganisation } from '../../domain/organisations/create-organisation.ts';
import { getOrganisation } from '../../domain/organisations/get-organisation.ts';
import { listOrganisations } from '../../domain/organisations/list-organisations.ts';
import { presentOrganisation } from '../../domain/organisations/present-organisation.ts';
import { updateOrganisation } from '../../domain/organisations/update-organisation.ts';
import { ListQuery } from '../../domain/pagination.ts';
import { actorOf } from '../authentication.ts';
import { errors } from '../route-schemas.ts';

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Your organisation and the external organisations (donors, partners) it recorded',
        querystring: ListQuery.extend({ kind: OrganisationKind.optional() }),
        response: { 200: PageOf(OrganisationView), ...errors },
      },
    },
    async (request) => listOrganisations({ actor: actorOf(request), query: request.query }),
  );

  app.post(
    '/api/v1/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Record an external organisation (org_admin) or create a member organisation (instance administrator)',
        body: OrganisationCreate,
        response: { 200: OrganisationView, 201: OrganisationView, ...errors },
      },
    },
    async (request, reply) => {
      const { organisation, created } = await createOrganisation({ actor: actorOf(request), input: request.body });
      return reply.code(created ? 201 : 200).send(presentOrganisation(organisation));
    },
  );

  app.get(
    '/api/v1/organisations/:id',
    { schema: { tags: ['organisations'], params: IdParams, response: { 200: OrganisationView, ...errors } } },
    async (request) => presentOrganisation(await getOrganisation({ actor: actorOf(request), id: request.params.id })),
  );

  app.patch(
    '/api/v1/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Change an organisation profile (time zone, disclosure threshold, IATI identifiers…)',
        params: IdParams,
        body: OrganisationUpdate,
        response: { 200: OrganisationView, ...errors },
      },
    },
    async (request) =>
      presentOrganisation(await updateOrganisation({ actor: actorOf(request), id: request.params.id, input: request.body })),
  );
};

