import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RoleSchema } from '../../core/schemas/user.ts';
import { addUser } from '../cli/operations/add-user.ts';
import { createTokenFor } from '../cli/operations/create-token-for.ts';
import type { Keyring } from '../security/keyring.ts';
import { installErrorHandling } from './error-handler.ts';

/**
 * The local admin endpoint (DESIGN §2): while a server holds PGlite's data dir, `sanad user add` and
 * `sanad token create` reach the database through it. Bound to 127.0.0.1 only, on a random port written to
 * the lock file, and authenticated with a secret derived from the key file (readable only by its owner).
 */
export const LOCAL_ADMIN_HEADER = 'x-sanad-local-admin';

export function localAdminSecret(keyring: Keyring): string {
  return keyring.mac('local-admin', 'v1');
}

export async function startLocalAdmin(keyring: Keyring): Promise<{ app: FastifyInstance; port: number }> {
  const app = Fastify({ bodyLimit: 64 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  const expected = Buffer.from(localAdminSecret(keyring));
  app.addHook('onRequest', async (request, reply) => {
    const presented = Buffer.from(String(request.headers[LOCAL_ADMIN_HEADER] ?? ''));
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      return reply.code(401).send({ error: { code: 'NOT_AUTHENTICATED', message: 'Wrong local admin secret.' } });
    }
  });
  app.post(
    '/local-admin/user-add',
    {
      schema: {
        body: z.strictObject({
          organisation: z.string(),
          email: z.email(),
          roles: z.array(RoleSchema).min(1),
          displayName: z.string().optional(),
          password: z.string().optional(),
        }),
      },
    },
    async (request) => addUser(request.body),
  );
  app.post(
    '/local-admin/token-create',
    { schema: { body: z.strictObject({ email: z.string(), organisation: z.string().optional(), name: z.string().optional() }) } },
    async (request) => createTokenFor(request.body),
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return { app: app as unknown as FastifyInstance, port: typeof address === 'object' && address ? address.port : 0 };
}
