import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, PageOf } from '../../../core/schemas/common.ts';
import { PasswordReset, PasswordResetResult, UserCreate, UserCreated, UserUpdate, UserView } from '../../../core/schemas/user.ts';
import { ListQuery } from '../../domain/pagination.ts';
import { createUser } from '../../domain/users/create-user.ts';
import { getUser } from '../../domain/users/get-user.ts';
import { listUsers } from '../../domain/users/list-users.ts';
import { presentUser } from '../../domain/users/present-user.ts';
import { resetUserPassword } from '../../domain/users/reset-user-password.ts';
import { resetUserTotp } from '../../domain/users/reset-user-totp.ts';
import { updateUser } from '../../domain/users/update-user.ts';
import { actorOf } from '../authentication.ts';
import { errors } from '../route-schemas.ts';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users of the active organisation',
        querystring: ListQuery.extend({ active: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }),
        response: { 200: PageOf(UserView), ...errors },
      },
    },
    async (request) => listUsers({ actor: actorOf(request), query: request.query }),
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Give someone an account (or a membership, if the email has an account) with roles',
        body: UserCreate,
        response: { 200: UserCreated, 201: UserCreated, ...errors },
      },
    },
    async (request, reply) => {
      const { user, created, initialPassword } = await createUser({ actor: actorOf(request), input: request.body });
      return reply.code(created ? 201 : 200).send({ ...presentUser(user), initialPassword });
    },
  );

  app.get(
    '/api/v1/users/:id',
    { schema: { tags: ['users'], params: IdParams, response: { 200: UserView, ...errors } } },
    async (request) => presentUser(await getUser({ actor: actorOf(request), id: request.params.id })),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change roles, name or language, or deactivate (ends sessions and tokens here)',
        params: IdParams,
        body: UserUpdate,
        response: { 200: UserView, ...errors },
      },
    },
    async (request) => presentUser(await updateUser({ actor: actorOf(request), id: request.params.id, input: request.body })),
  );

  app.post(
    '/api/v1/users/:id/totp/reset',
    {
      schema: {
        tags: ['users'],
        summary: "Remove a user's second factor and recovery codes (lost phone) and end their sessions",
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await resetUserTotp({ actor: actorOf(request), id: request.params.id });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/users/:id/password',
    {
      schema: {
        tags: ['users'],
        summary: 'Give a member a new password (forgotten password); they must change it at the next sign-in, and their sessions end',
        params: IdParams,
        body: PasswordReset,
        response: { 200: PasswordResetResult, ...errors },
      },
    },
    async (request) => resetUserPassword({ actor: actorOf(request), id: request.params.id, ...request.body }),
  );
};
