import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, PageOf } from '../../../core/schemas/common.ts';
import { TokenCreate, TokenCreated, TokenView } from '../../../core/schemas/token.ts';
import { ListQuery } from '../../domain/pagination.ts';
import { createToken } from '../../domain/tokens/create-token.ts';
import { listTokens } from '../../domain/tokens/list-tokens.ts';
import { presentToken } from '../../domain/tokens/present-token.ts';
import { revokeToken } from '../../domain/tokens/revoke-token.ts';
import { actorOf } from '../authentication.ts';
import { errors } from '../route-schemas.ts';

export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/tokens',
    { schema: { tags: ['tokens'], summary: 'Your API tokens (administrators: all of the organisation)', querystring: ListQuery, response: { 200: PageOf(TokenView), ...errors } } },
    async (request) => listTokens({ actor: actorOf(request), query: request.query }),
  );

  app.post(
    '/api/v1/tokens',
    { schema: { tags: ['tokens'], summary: 'Create an API token; the secret is shown once', body: TokenCreate, response: { 200: TokenCreated, 201: TokenCreated, ...errors } } },
    async (request, reply) => {
      const { token, secret, created } = await createToken({ actor: actorOf(request), input: request.body });
      return reply.code(created ? 201 : 200).send({ ...presentToken(token), token: secret });
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    { schema: { tags: ['tokens'], summary: 'Revoke a token', params: IdParams, response: { 200: TokenView, ...errors } } },
    async (request) => presentToken(await revokeToken({ actor: actorOf(request), id: request.params.id })),
  );
};
