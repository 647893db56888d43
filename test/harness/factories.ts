import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { PERMISSIONS, type Role } from '../../src/core/permissions.ts';
import { systemActor, type Actor } from '../../src/server/domain/actor.ts';
import { createOrganisation } from '../../src/server/domain/organisations/create-organisation.ts';
import { createUser } from '../../src/server/domain/users/create-user.ts';
import { withOwnerTransaction } from '../../src/server/db/transaction.ts';
import type { OrganisationRecord } from '../../src/server/repositories/organisations.ts';
import { totpCode, totpStep } from '../../src/server/security/totp.ts';
import { now } from '../../src/server/services.ts';

/** Test data through the real domain functions (STYLE §8), never hand-written rows. */
const unique = () => randomBytes(4).toString('hex');

export const instanceAdminActor: Actor = { ...systemActor('00000000-0000-0000-0000-000000000000', PERMISSIONS) };

export async function buildOrganisation(overrides: Partial<{ name: string; acronym: string; kind: 'member' | 'external' }> = {}): Promise<OrganisationRecord> {
  const acronym = overrides.acronym ?? `T${unique().toUpperCase().slice(0, 6)}`;
  const { organisation } = await createOrganisation({
    actor: instanceAdminActor,
    input: { kind: overrides.kind ?? 'member', name: overrides.name ?? `Association ${acronym}`, acronym },
  });
  return organisation;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  organisationId: string;
}

export const TEST_PASSWORD = 'correct horse battery staple 42';

export async function buildUser(options: {
  organisationId: string;
  roles?: Role[];
  email?: string;
  password?: string;
  mustChangePassword?: boolean;
  instanceAdmin?: boolean;
}): Promise<TestUser> {
  const email = options.email ?? `user-${unique()}@test.sanad`;
  const password = options.password ?? TEST_PASSWORD;
  const { user } = await createUser({
    actor: systemActor(options.organisationId, PERMISSIONS),
    input: { email, displayName: `Test ${email}`, roles: options.roles ?? ['org_admin'], password },
  });
  if (!options.mustChangePassword || options.instanceAdmin) {
    await withOwnerTransaction('test.factory', (tx) =>
      tx.query('update accounts set password_must_change = $2, instance_admin = $3 where id = $1', [
        user.id,
        options.mustChangePassword ?? false,
        options.instanceAdmin ?? false,
      ]),
    );
  }
  return { id: user.id, email, password, organisationId: options.organisationId };
}

export interface Session {
  cookie: string;
  csrf: string;
  accountId: string;
  organisationId: string;
}

export async function signIn(
  app: FastifyInstance,
  credentials: { email: string; password: string; totp?: string; recoveryCode?: string },
  ip = '203.0.113.10',
): Promise<Session> {
  const { email, password, totp, recoveryCode } = credentials;
  const payload = { email, password, ...(totp === undefined ? {} : { totp }), ...(recoveryCode === undefined ? {} : { recoveryCode }) };
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress: ip });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookies = response.cookies as Array<{ name: string; value: string }>;
  const body = response.json();
  return {
    cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    csrf: body.csrfToken,
    accountId: body.id,
    organisationId: body.organisationId,
  };
}

/** A member organisation with a signed-in user of the given roles. */
export async function buildSignedInUser(
  app: FastifyInstance,
  options: { organisationId?: string; roles?: Role[] } = {},
): Promise<Session & { user: TestUser }> {
  const organisationId = options.organisationId ?? (await buildOrganisation()).id;
  const user = await buildUser({ organisationId, roles: options.roles ?? ['org_admin'] });
  return { ...(await signIn(app, user)), user };
}

/**
 * The code an authenticator app shows for `secret` at `at` (default: the services clock). `stepsAhead`
 * picks a later step, still inside the accepted window: a step once used is refused (replay), and
 * `enrolTotp` uses the current one.
 */
export function currentTotp(secret: string, options: { at?: Date; stepsAhead?: number } = {}): string {
  return totpCode(secret, totpStep(options.at ?? now()) + (options.stepsAhead ?? 0));
}

/** A 6-digit code that matches none of the steps accepted at `at` (a typo, a guess). */
export function wrongTotp(secret: string, at?: Date): string {
  const accepted = new Set([-1, 0, 1].map((stepsAhead) => currentTotp(secret, { ...(at ? { at } : {}), stepsAhead })));
  let guess = 0;
  while (accepted.has(String(guess).padStart(6, '0'))) guess++;
  return String(guess).padStart(6, '0');
}

/**
 * Sets up a second factor for a signed-in session through the API, as a person with a phone would: returns
 * the secret (to make codes with `currentTotp`) and the ten recovery codes. The code used to confirm
 * counts as used, so the next sign-in needs a later step: advance the clock 30 s or use `stepsAhead: 1`.
 */
export async function enrolTotp(
  app: FastifyInstance,
  session: Session,
  options: { ip?: string } = {},
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const client = as(app, session);
  const extra = options.ip ? { remoteAddress: options.ip } : {};
  const enrolment = await client.post('/api/v1/me/totp/enrolment', undefined, extra);
  if (enrolment.statusCode !== 200) throw new Error(`TOTP enrolment failed: ${enrolment.statusCode} ${enrolment.body}`);
  const { secret } = enrolment.json() as { secret: string };
  const enabled = await client.post('/api/v1/me/totp', { code: currentTotp(secret) }, extra);
  if (enabled.statusCode !== 200) throw new Error(`enabling TOTP failed: ${enabled.statusCode} ${enabled.body}`);
  return { secret, recoveryCodes: (enabled.json() as { recoveryCodes: string[] }).recoveryCodes };
}

export type Client = {
  [M in 'get' | 'delete']: (url: string, extra?: Partial<InjectOptions>) => Promise<LightMyRequestResponse>;
} & {
  [M in 'post' | 'patch' | 'put']: (url: string, body?: unknown, extra?: Partial<InjectOptions>) => Promise<LightMyRequestResponse>;
};

/** Requests as a signed-in user (cookie + CSRF header) or with an API token. */
export function as(app: FastifyInstance, auth: Session | { token: string }): Client {
  const headers: Record<string, string> =
    'token' in auth ? { authorization: `Bearer ${auth.token}` } : { cookie: auth.cookie, 'x-csrf-token': auth.csrf };
  const send = (method: InjectOptions['method'], url: string, body?: unknown, extra: Partial<InjectOptions> = {}) =>
    app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      ...extra,
      headers: { ...headers, ...(extra.headers ?? {}) },
    });
  return {
    get: (url, extra) => send('GET', url, undefined, extra),
    delete: (url, extra) => send('DELETE', url, undefined, extra),
    post: (url, body, extra) => send('POST', url, body ?? {}, extra),
    patch: (url, body, extra) => send('PATCH', url, body ?? {}, extra),
    put: (url, body, extra) => send('PUT', url, body ?? {}, extra),
  };
}

export const newId = (): string => uuidv7();
