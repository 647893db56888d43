import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf } from '../../src/core/permissions.ts';
import { withOwnerTransaction } from '../../src/server/db/transaction.ts';
import type { Actor } from '../../src/server/domain/actor.ts';
import { networkPublishedRoutes } from '../../src/server/http/network-published-routes.ts';
import { abortAll, settled } from '../../src/server/jobs/runner.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildOrganisation, buildSignedInUser, newId, type Session } from '../harness/factories.ts';
import {
  fillPath,
  listQueries,
  probeExpectation,
  routeFixtures,
  type HttpMethod,
  type ResourceOwner,
} from '../harness/route-fixtures.ts';

/**
 * The OpenAPI-driven isolation probe (issue 2 point 10): organisation A makes one resource for every path
 * with a path parameter; an administrator of organisation B — a member of the same network, so networks
 * grant nothing by themselves — gets 404 on every method of it, and B's lists contain none of A's ids. The
 * network-published routes of DESIGN §2 are read from their allowlist and checked for read access instead.
 */
type Operation = {
  parameters?: Array<{ in: string; name: string; required?: boolean }>;
  requestBody?: unknown;
  responses?: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, { type?: string }> } }> }>;
};
type OpenApi = { paths: Record<string, Partial<Record<HttpMethod, Operation>>> };

const METHODS: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

let t: TestApp;
let openapi: OpenApi;
let owner: ResourceOwner;
let intruder: { session: Session; token: string };
const resources = new Map<string, Record<string, string>>();

function operations(): Array<{ path: string; method: HttpMethod; op: Operation }> {
  return Object.entries(openapi.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method]! })),
  );
}

const hasPathParams = (path: string) => path.includes('{');

/** How B sends a request: with its session cookie (+ CSRF) and with its API token. */
function intruderClients() {
  return [
    { via: 'session', client: as(t.app, intruder.session) },
    { via: 'token', client: as(t.app, { token: intruder.token }) },
  ];
}

function send(client: ReturnType<typeof as>, method: HttpMethod, url: string, body: unknown) {
  return method === 'get' || method === 'delete' ? client[method](url) : client[method](url, body);
}

beforeAll(async () => {
  t = await startTestApp();
  const [orgA, orgB] = [await buildOrganisation(), await buildOrganisation()];
  // Both in one network: being fellow members must not open anything but network-published routes.
  await withOwnerTransaction('test.network', async (tx) => {
    const networkId = newId();
    await tx.query(
      `insert into networks (id, name, secretariat_organisation_id, created_at, updated_at) values ($1, $2, $3, now(), now())`,
      [networkId, `Probe network ${networkId}`, orgA.id],
    );
    await tx.query(
      `insert into network_members (network_id, member_organisation_id, joined_at) values ($1, $2, now()), ($1, $3, now())`,
      [networkId, orgA.id, orgB.id],
    );
  });
  const adminA = await buildSignedInUser(t.app, { organisationId: orgA.id });
  const actorA: Actor = {
    kind: 'user', accountId: adminA.accountId, organisationId: orgA.id, roles: ['org_admin'],
    permissions: permissionsOf(['org_admin']), instanceAdmin: false,
  };
  owner = { app: t.app, session: adminA, actor: actorA, organisationId: orgA.id };
  const adminB = await buildSignedInUser(t.app, { organisationId: orgB.id });
  const tokenB = await as(t.app, adminB).post('/api/v1/tokens', { name: 'intruder' });
  expect(tokenB.statusCode).toBe(201);
  intruder = { session: adminB, token: tokenB.json().token };

  const document = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(document.statusCode).toBe(200);
  openapi = document.json();
  for (const path of Object.keys(openapi.paths).filter(hasPathParams)) {
    const fixture = routeFixtures[path];
    if (fixture) resources.set(path, await fixture.create(owner));
  }
});

afterAll(async () => {
  abortAll();
  await settled();
  await t?.close();
});

describe('isolation probe over the OpenAPI document', () => {
  it('has a route fixture for every path with a path parameter, and none for paths that are gone', () => {
    const withParams = Object.keys(openapi.paths).filter(hasPathParams);
    expect(withParams.length).toBeGreaterThanOrEqual(6);
    const missing = withParams.filter((p) => !routeFixtures[p]);
    expect(missing, 'add these paths to test/harness/route-fixtures.ts').toEqual([]);
    const stale = Object.keys(routeFixtures).filter((p) => !openapi.paths[p]);
    expect(stale, 'route fixtures for paths the API no longer has').toEqual([]);
  });

  it("answers 404 to another organisation's administrator on every method of every path with an id", async () => {
    const failures: string[] = [];
    let probes = 0;
    for (const { path, method, op } of operations().filter((o) => hasPathParams(o.path))) {
      const params = resources.get(path);
      if (!params) continue; // reported by the fixture test
      const body = routeFixtures[path]!.bodies?.[method];
      if (op.requestBody && body === undefined) {
        failures.push(`${method.toUpperCase()} ${path}: the fixture gives no body for this method`);
        continue;
      }
      const expectation = probeExpectation(method, path, networkPublishedRoutes);
      for (const { via, client } of intruderClients()) {
        const response = await send(client, method, fillPath(path, params), body);
        probes++;
        const code = response.json()?.error?.code;
        const ok = expectation === 'network-read' ? response.statusCode === 200 : response.statusCode === 404 && code === 'NOT_FOUND';
        if (!ok) failures.push(`${method.toUpperCase()} ${path} as B (${via}): ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(probes).toBeGreaterThanOrEqual(12);
  });

  it('lets the owner itself use every one of those requests (so each 404 above was not a bad id or body)', async () => {
    const failures: string[] = [];
    // Reads first: the writes below change the resources (rename, revoke, cancel).
    const ordered = operations()
      .filter((o) => hasPathParams(o.path))
      .sort((x, y) => Number(x.method !== 'get') - Number(y.method !== 'get'));
    for (const { path, method } of ordered) {
      const params = resources.get(path);
      if (!params) continue;
      const response = await send(as(t.app, owner.session), method, fillPath(path, params), routeFixtures[path]!.bodies?.[method]);
      if (response.statusCode >= 300) failures.push(`${method.toUpperCase()} ${path} as A: ${response.statusCode} ${response.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });

  it("never shows one of A's ids in B's lists", async () => {
    const lists = operations().filter(
      (o) => o.method === 'get' && !hasPathParams(o.path) &&
        o.op.responses?.['200']?.content?.['application/json']?.schema?.properties?.items?.type === 'array',
    );
    expect(lists.map((l) => l.path)).toEqual(
      expect.arrayContaining(['/api/v1/organisations', '/api/v1/users', '/api/v1/tokens', '/api/v1/audit-events']),
    );
    const query = (path: string, op: Operation) => {
      const values = { limit: '500', ...(listQueries[path] ?? {}) };
      const missing = (op.parameters ?? []).filter((p) => p.in === 'query' && p.required && !(p.name in values));
      if (missing.length) throw new Error(`${path}: add values for ${missing.map((p) => p.name)} to listQueries`);
      return `${path}?${new URLSearchParams(values)}`;
    };

    // Everything A made or can list is A's; none of it may appear anywhere in B's list responses.
    const idsOfA = new Set([...resources.values()].flatMap((params) => Object.values(params)));
    idsOfA.add(owner.organisationId).add(owner.session.accountId);
    for (const { path, op } of lists) {
      const response = await as(t.app, owner.session).get(query(path, op));
      expect(response.statusCode, `${path} as A`).toBe(200);
      const items = response.json().items as Array<{ id: string }>;
      expect(items.length, `${path} as A lists something`).toBeGreaterThan(0);
      for (const item of items) idsOfA.add(item.id);
    }

    const leaks: string[] = [];
    for (const { path, op } of lists) {
      const networkRead = probeExpectation('get', path, networkPublishedRoutes) === 'network-read';
      for (const { via, client } of intruderClients()) {
        const response = await client.get(query(path, op));
        expect(response.statusCode, `${path} as B (${via})`).toBe(200);
        expect(response.json().items.length, `${path} as B (${via}) lists its own`).toBeGreaterThan(0);
        if (networkRead) continue;
        for (const id of idsOfA) if (response.body.includes(id)) leaks.push(`${path} as B (${via}) shows ${id}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});

describe('network-published routes allowlist', () => {
  it('lists only GET routes of the API, each once', () => {
    const seen = new Set<string>();
    for (const route of networkPublishedRoutes) {
      expect(route.method).toBe('GET');
      expect(route.path).toMatch(/^\/api\/v1\//);
      expect(openapi.paths[route.path]?.get, `${route.path} is in the OpenAPI document`).toBeDefined();
      expect(seen.has(route.path), `${route.path} listed twice`).toBe(false);
      seen.add(route.path);
    }
  });

  it('turns a listed read into a network read and keeps writes on the same path owner-only', () => {
    const allowlist = [{ method: 'GET', path: '/api/v1/directory/{id}' }] as const;
    expect(probeExpectation('get', '/api/v1/directory/{id}', allowlist)).toBe('network-read');
    expect(probeExpectation('patch', '/api/v1/directory/{id}', allowlist)).toBe('not-found');
    expect(probeExpectation('delete', '/api/v1/directory/{id}', allowlist)).toBe('not-found');
    expect(probeExpectation('get', '/api/v1/users/{id}', allowlist)).toBe('not-found');
    expect(probeExpectation('get', '/api/v1/directory/{id}', networkPublishedRoutes)).toBe('not-found');
  });
});
