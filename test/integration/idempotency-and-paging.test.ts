import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LIMIT } from '../../src/server/domain/pagination.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildSignedInUser, buildUser, newId, type Client } from '../harness/factories.ts';

/**
 * API contract (DESIGN §4): creates are idempotent on a client-chosen id, and lists page with an opaque
 * cursor and a clamped limit.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('idempotent create', () => {
  it('organisations: a replay answers 200 with the same body, another body on the same id is a conflict', async () => {
    const client = as(t.app, await buildSignedInUser(t.app));
    const input = { id: newId(), kind: 'external', name: 'Spanish Agency for Cooperation', acronym: 'AECID', iatiType: '10' };
    const first = await client.post('/api/v1/organisations', input);
    expect(first.statusCode).toBe(201);
    const replay = await client.post('/api/v1/organisations', input);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());

    const conflict = await client.post('/api/v1/organisations', { ...input, name: 'Another name' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', details: { id: input.id } });
    expect((await client.get(`/api/v1/organisations/${input.id}`)).json().name).toBe(input.name);
  });

  it("organisations: another organisation cannot claim an existing organisation's id", async () => {
    const input = { id: newId(), name: 'Partner without acronym' };
    expect((await as(t.app, await buildSignedInUser(t.app)).post('/api/v1/organisations', input)).statusCode).toBe(201);
    const other = await as(t.app, await buildSignedInUser(t.app)).post('/api/v1/organisations', input);
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('tokens: a replay answers 200 with the same token but never the secret again; another body conflicts', async () => {
    const client = as(t.app, await buildSignedInUser(t.app));
    const input = { id: newId(), name: 'ODK Central' };
    const first = await client.post('/api/v1/tokens', input);
    expect(first.statusCode).toBe(201);
    expect(first.json().token).toEqual(expect.any(String));
    const replay = await client.post('/api/v1/tokens', input);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ ...first.json(), token: null });

    const conflict = await client.post('/api/v1/tokens', { ...input, name: 'Something else' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('IDEMPOTENCY_CONFLICT');
    expect((await client.get('/api/v1/tokens')).json().items).toHaveLength(1);
  });
});

/** Follows nextCursor to the end (at most `max` pages) and returns the items in order. */
async function walk<T>(client: Client, url: string, max = 50): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pages = 1; pages <= max; pages++) {
    const response = await client.get(`${url}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.statusCode).toBe(200);
    const page = response.json() as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    if (!page.nextCursor) return { items, pages };
    cursor = page.nextCursor;
  }
  throw new Error(`more than ${max} pages`);
}

describe('paging', () => {
  it('users: limit=1 pages one by one through everyone, in order, without repeats', async () => {
    const admin = await buildSignedInUser(t.app);
    const client = as(t.app, admin);
    for (let i = 0; i < 4; i++) await buildUser({ organisationId: admin.organisationId, roles: ['viewer'] });
    const all = (await client.get('/api/v1/users')).json().items as Array<{ id: string; email: string }>;
    expect(all).toHaveLength(5);

    const first = (await client.get('/api/v1/users?limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const walked = await walk<{ id: string }>(client, '/api/v1/users?limit=1');
    expect(walked.pages).toBe(5);
    expect(walked.items.map((u) => u.id)).toEqual(all.map((u) => u.id));
  });

  it('audit events: pages continue newest first, and a huge limit is clamped, not rejected', async () => {
    const admin = await buildSignedInUser(t.app);
    const client = as(t.app, admin);
    for (let i = 0; i < 3; i++) await client.post('/api/v1/tokens', { name: `token ${i}` });

    const everything = await client.get('/api/v1/audit-events?limit=100000');
    expect(everything.statusCode).toBe(200);
    const all = everything.json().items as Array<{ seq: number }>;
    expect(all.length).toBeGreaterThanOrEqual(5); // user.created, auth.login, 3 × token.created
    expect(all.length).toBeLessThanOrEqual(MAX_LIMIT);
    expect(everything.json().nextCursor).toBeNull();

    const walked = await walk<{ seq: number }>(client, '/api/v1/audit-events?limit=2');
    expect(walked.items.map((e) => e.seq)).toEqual(all.map((e) => e.seq));
    expect(walked.items.map((e) => e.seq)).toEqual([...walked.items.map((e) => e.seq)].sort((a, b) => b - a));
  });

  it(`a limit above ${MAX_LIMIT} returns at most ${MAX_LIMIT} items and a cursor`, async () => {
    const admin = await buildSignedInUser(t.app);
    const client = as(t.app, admin);
    // MAX_LIMIT + 1 token rows in one statement: through the API this would take 10 s on PGlite, and only
    // the row count matters here (these tokens are never used).
    await t.db.query(
      `insert into api_tokens (organisation_id, id, account_id, name, token_hash, token_prefix, created_at)
       select $1, gen_random_uuid(), $2, 'bulk ' || g, convert_to(gen_random_uuid()::text, 'UTF8'), 'sanad_bulk__', now()
       from generate_series(1, ${MAX_LIMIT + 1}) g`,
      [admin.organisationId, admin.user.id],
    );
    const page = (await client.get('/api/v1/tokens?limit=100000')).json();
    expect(page.items).toHaveLength(MAX_LIMIT);
    expect(page.nextCursor).toEqual(expect.any(String));
    const rest = (await client.get(`/api/v1/tokens?limit=100000&cursor=${page.nextCursor}`)).json();
    expect(rest).toMatchObject({ items: [expect.any(Object)], nextCursor: null });
  });

  it('a bad cursor or limit is VALIDATION_FAILED, never a database error', async () => {
    const client = as(t.app, await buildSignedInUser(t.app));
    const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const url of [
      '/api/v1/users?cursor=not-a-cursor',
      `/api/v1/users?cursor=${forged(['only one'])}`,
      '/api/v1/audit-events?cursor=%7B%7D',
      '/api/v1/tokens?cursor=bad',
      // Well-formed cursors with the wrong kind of key: these used to reach SQL and answer 500.
      `/api/v1/audit-events?cursor=${forged(['abc'])}`,
      `/api/v1/audit-events?cursor=${forged([1.5])}`,
      `/api/v1/tokens?cursor=${forged(['not-a-uuid'])}`,
      `/api/v1/users?cursor=${forged(['a@b.c', 'not-a-uuid'])}`,
      `/api/v1/users?cursor=${forged(['nul\u0000', newId()])}`,
      `/api/v1/organisations?cursor=${forged([1, 2])}`,
      '/api/v1/users?limit=0',
      '/api/v1/users?limit=ten',
    ]) {
      const response = await client.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code, url).toBe('VALIDATION_FAILED');
    }
  });
});
