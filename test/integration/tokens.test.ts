import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/clock.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildSignedInUser, buildUser, signIn } from '../harness/factories.ts';

/**
 * API tokens (issue 2): the secret is shown once and stored as a hash; a token acts for its user in its
 * organisation until revoked or until that membership ends.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

async function bearer(token: string, url = '/api/v1/me') {
  return as(t.app, { token }).get(url);
}

describe('token lifecycle', () => {
  it('shows the secret once, works as Bearer, lists without secret, and stops when revoked', async () => {
    const session = await buildSignedInUser(t.app, { roles: ['case_worker'] });
    const created = await as(t.app, session).post('/api/v1/tokens', { name: 'KoBo sync' });
    expect(created.statusCode).toBe(201);
    const { token: secret, ...view } = created.json();
    expect(secret).toMatch(/^sanad_/);
    expect(view).toMatchObject({ name: 'KoBo sync', accountId: session.user.id, prefix: secret.slice(0, 12), lastUsedAt: null, revokedAt: null });

    const me = await bearer(secret);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: session.user.id, organisationId: session.organisationId, roles: ['case_worker'] });

    const list = await as(t.app, session).get('/api/v1/tokens');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(secret);
    expect(list.json().items).toEqual([expect.objectContaining({ id: view.id, name: 'KoBo sync', lastUsedAt: expect.any(String) })]);
    expect(list.json().items[0]).not.toHaveProperty('token');
    // Only the hash is stored.
    const stored = await t.db.query<{ token_hash: Uint8Array }>('select token_hash from api_tokens where id = $1', [view.id]);
    expect(Buffer.from(stored[0]!.token_hash).toString('utf8')).not.toContain(secret);

    const revoked = await as(t.app, session).delete(`/api/v1/tokens/${view.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toEqual(expect.any(String));
    const after = await bearer(secret);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('TOKEN_INVALID');
  });

  it('an unknown token or a malformed Authorization header is TOKEN_INVALID', async () => {
    for (const authorization of ['Bearer sanad_notarealtoken', 'Basic dXNlcjpwYXNz', 'Bearer']) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('TOKEN_INVALID');
    }
  });

  it('records when a token was last used, at most once a minute', async () => {
    const session = await buildSignedInUser(t.app);
    const secret = (await as(t.app, session).post('/api/v1/tokens', { name: 'report bot' })).json().token as string;
    await bearer(secret);
    const first = (await bearer(secret, '/api/v1/tokens')).json().items[0].lastUsedAt as string;
    expect(first).toBe(t.clock.now().toISOString());
    // Within the minute, uses are not written (reads stay reads).
    t.clock.advance(MINUTE / 2);
    expect((await bearer(secret, '/api/v1/tokens')).json().items[0].lastUsedAt).toBe(first);
    t.clock.advance(5 * MINUTE);
    await bearer(secret);
    expect((await bearer(secret, '/api/v1/tokens')).json().items[0].lastUsedAt).toBe(t.clock.now().toISOString());
  });
});

describe('whose tokens', () => {
  it('a member lists and revokes only their own; an admin sees and revokes all of the organisation', async () => {
    const admin = await buildSignedInUser(t.app);
    const agent = await buildSignedInUser(t.app, { organisationId: admin.organisationId, roles: ['field_agent'] });
    const adminToken = (await as(t.app, admin).post('/api/v1/tokens', { name: 'admin script' })).json();
    const agentToken = (await as(t.app, agent).post('/api/v1/tokens', { name: 'agent phone' })).json();

    const agentList = (await as(t.app, agent).get('/api/v1/tokens')).json().items.map((x: { id: string }) => x.id);
    expect(agentList).toEqual([agentToken.id]);
    const notTheirs = await as(t.app, agent).delete(`/api/v1/tokens/${adminToken.id}`);
    expect(notTheirs.statusCode).toBe(404);
    expect((await bearer(adminToken.token)).statusCode).toBe(200);

    const adminList = (await as(t.app, admin).get('/api/v1/tokens')).json().items.map((x: { id: string }) => x.id);
    expect(adminList.sort()).toEqual([adminToken.id, agentToken.id].sort());
    expect((await as(t.app, admin).delete(`/api/v1/tokens/${agentToken.id}`)).statusCode).toBe(200);
    expect((await bearer(agentToken.token)).json().error.code).toBe('TOKEN_INVALID');

    // Another organisation's token does not exist here.
    const stranger = await buildSignedInUser(t.app);
    expect((await as(t.app, stranger).delete(`/api/v1/tokens/${adminToken.id}`)).statusCode).toBe(404);
  });

  it('the token of a deactivated member stops working, and reactivation does not bring it back', async () => {
    const admin = await buildSignedInUser(t.app);
    const member = await buildUser({ organisationId: admin.organisationId, roles: ['field_agent'] });
    const secret = (await as(t.app, await signIn(t.app, member)).post('/api/v1/tokens', { name: 'tablet' })).json().token as string;
    expect((await bearer(secret)).statusCode).toBe(200);

    const off = await as(t.app, admin).patch(`/api/v1/users/${member.id}`, { version: 1, active: false });
    expect(off.statusCode).toBe(200);
    expect((await bearer(secret)).json().error.code).toBe('TOKEN_INVALID');

    const on = await as(t.app, admin).patch(`/api/v1/users/${member.id}`, { version: 2, active: true });
    expect(on.json().active).toBe(true);
    expect((await bearer(secret)).json().error.code).toBe('TOKEN_INVALID');
    await expect(signIn(t.app, member)).resolves.toMatchObject({ accountId: member.id });
  });
});
