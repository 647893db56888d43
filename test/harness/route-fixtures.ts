import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../src/server/domain/actor.ts';
import type { NetworkPublishedRoute } from '../../src/server/http/network-published-routes.ts';
import { registerJobKind, startJob } from '../../src/server/jobs/runner.ts';
import { as, newId, type Session } from './factories.ts';

/**
 * Resources for the OpenAPI-driven harnesses (isolation probe, fuzz): for every API path with a path
 * parameter, how to make one resource of an organisation through the API, and a valid body for each method
 * that takes one. The isolation probe fails when an OpenAPI path has no entry here, so a new route with an
 * `{id}` must add its fixture in the same change.
 */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The organisation whose resources are made, through its signed-in org_admin. */
export interface ResourceOwner {
  app: FastifyInstance;
  session: Session;
  /** The same administrator as an Actor, for resources with no create endpoint (jobs). */
  actor: Actor;
  organisationId: string;
}

export interface RouteFixture {
  /** Makes a resource of the owner's organisation; returns the path parameters naming it (`{ id }`, …). */
  create(owner: ResourceOwner): Promise<Record<string, string>>;
  /**
   * A body the owner's request would pass validation with, for each method that takes one: another
   * organisation's request with it must then be refused as 404, not as 400.
   */
  bodies?: Partial<Record<HttpMethod, unknown>>;
}

/** A job kind that runs until cancelled (bounded at 30 s), so `cancel` has something to stop. */
export const PROBE_JOB_KIND = 'test.probe';

function registerProbeJobKind(): void {
  registerJobKind(PROBE_JOB_KIND, async ({ signal }) => {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 30_000);
      timer.unref();
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });
    return { probe: true };
  });
}

async function expectStatus(response: { statusCode: number; body: string }, expected: number[], what: string) {
  if (!expected.includes(response.statusCode)) {
    throw new Error(`route fixture: ${what} answered ${response.statusCode}: ${response.body.slice(0, 500)}`);
  }
}

async function createJob(owner: ResourceOwner): Promise<Record<string, string>> {
  registerProbeJobKind();
  const job = await startJob(owner.actor, PROBE_JOB_KIND, { probe: true });
  return { id: job.id };
}

async function createProbeUser(owner: ResourceOwner): Promise<Record<string, string>> {
  const response = await as(owner.app, owner.session).post('/api/v1/users', {
    email: `probe-${newId()}@test.sanad`,
    displayName: 'Probe user',
    roles: ['viewer'],
  });
  await expectStatus(response, [201], 'POST /api/v1/users');
  return { id: response.json().id };
}

/** Keyed by the OpenAPI path, exactly as `/api/openapi.json` spells it. */
export const routeFixtures: Record<string, RouteFixture> = {
  '/api/v1/organisations/{id}': {
    create: async (owner) => ({ id: owner.organisationId }),
    bodies: { patch: { version: 1, disclosureThreshold: 7 } },
  },
  '/api/v1/users/{id}': {
    create: createProbeUser,
    bodies: { patch: { version: 1, displayName: 'Probe user (renamed)' } },
  },
  '/api/v1/users/{id}/totp/reset': { create: createProbeUser },
  '/api/v1/users/{id}/password': { create: createProbeUser, bodies: { post: {} } },
  '/api/v1/tokens/{id}': {
    async create(owner) {
      const response = await as(owner.app, owner.session).post('/api/v1/tokens', { name: 'probe' });
      await expectStatus(response, [201], 'POST /api/v1/tokens');
      return { id: response.json().id };
    },
  },
  '/api/v1/audit-events/{id}': {
    async create(owner) {
      const response = await as(owner.app, owner.session).get('/api/v1/audit-events?limit=1');
      await expectStatus(response, [200], 'GET /api/v1/audit-events');
      const [event] = response.json().items as Array<{ id: string }>;
      if (!event) throw new Error('route fixture: the owner has no audit event yet');
      return { id: event.id };
    },
  },
  '/api/v1/jobs/{id}': { create: createJob },
  '/api/v1/jobs/{id}/cancel': { create: createJob },
};

/** Values for required query parameters of list routes (none need any yet). */
export const listQueries: Record<string, Record<string, string>> = {};

/** Fills `{name}` placeholders of an OpenAPI path. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(value);
  });
}

/**
 * What another organisation's administrator must get: `network-read` for the reads of network-published
 * routes (DESIGN §2: members of the same network read, only the owner writes), `not-found` for the rest.
 */
export function probeExpectation(
  method: HttpMethod,
  path: string,
  allowlist: readonly NetworkPublishedRoute[],
): 'network-read' | 'not-found' {
  const listed = allowlist.some((r) => r.path === path && r.method.toLowerCase() === method);
  return listed && method === 'get' ? 'network-read' : 'not-found';
}
