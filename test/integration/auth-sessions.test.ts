import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/clock.ts';
import { CSRF_COOKIE, SESSION_ABSOLUTE_TIMEOUT_MS, SESSION_COOKIE } from '../../src/server/auth/policy.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildOrganisation, buildUser, signIn, TEST_PASSWORD, type Session } from '../harness/factories.ts';

/**
 * Session lifetime (issue 2): cookie attributes, 60 min idle and 12 h absolute limits, and every way a
 * session ends early (logout, password change, deactivation). The app trusts X-Forwarded-Proto like one
 * behind a reverse proxy, so the same app answers both plain http and "https" requests.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ trustProxy: true });
});
afterAll(async () => t?.close());

type Cookie = { name: string; value: string; httpOnly?: boolean; sameSite?: string; path?: string; secure?: boolean; maxAge?: number };

async function loginResponse(email: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD }, headers });
}

const sessionCookie = (response: { cookies: unknown }) =>
  (response.cookies as Cookie[]).find((c) => c.name === SESSION_COOKIE)!;

async function meStatus(session: Session): Promise<{ status: number; code?: string }> {
  const response = await as(t.app, session).get('/api/v1/me');
  return { status: response.statusCode, code: response.statusCode === 200 ? undefined : response.json().error.code };
}

async function newUser(roles: Parameters<typeof buildUser>[0]['roles'] = ['org_admin']) {
  const org = await buildOrganisation();
  return buildUser({ organisationId: org.id, roles });
}

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/ and not Secure over plain http', async () => {
    const user = await newUser();
    const cookie = sessionCookie(await loginResponse(user.email));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(cookie.maxAge).toBe(SESSION_ABSOLUTE_TIMEOUT_MS / 1000);
  });

  it('is Secure when the request came over https (X-Forwarded-Proto from the proxy)', async () => {
    const user = await newUser();
    const response = await loginResponse(user.email, { 'x-forwarded-proto': 'https' });
    expect(response.statusCode).toBe(200);
    expect(sessionCookie(response)).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: true });
    // The CSRF cookie is read by the web app (not HttpOnly) but is Secure all the same.
    const csrf = (response.cookies as Cookie[]).find((c) => c.name === CSRF_COOKIE);
    expect(csrf).toMatchObject({ secure: true, sameSite: 'Lax', path: '/' });
    expect(csrf?.httpOnly).toBeFalsy();
  });
});

describe('session lifetime', () => {
  it('stays alive with activity every 59 minutes and ends after 61 idle minutes', async () => {
    const user = await newUser();
    const session = await signIn(t.app, user);
    // Each request is more than a minute after the last write of last_seen_at, so each one is recorded.
    for (let i = 0; i < 3; i++) {
      t.clock.advance(59 * MINUTE);
      expect(await meStatus(session)).toEqual({ status: 200, code: undefined });
    }
    t.clock.advance(61 * MINUTE);
    expect(await meStatus(session)).toEqual({ status: 401, code: 'SESSION_EXPIRED' });
    // Once ended, it stays ended, even with fresh activity.
    expect(await meStatus(session)).toEqual({ status: 401, code: 'SESSION_EXPIRED' });
  });

  it('counts idle time from the last recorded activity (writes are at most once a minute)', async () => {
    const user = await newUser();
    const session = await signIn(t.app, user);
    // 30 s after sign-in: last_seen_at is not rewritten, so idleness still counts from the sign-in.
    t.clock.advance(MINUTE / 2);
    expect((await meStatus(session)).status).toBe(200);
    t.clock.advance(60 * MINUTE);
    expect(await meStatus(session)).toEqual({ status: 401, code: 'SESSION_EXPIRED' });
  });

  it('ends 12 hours after sign-in even with constant activity', async () => {
    const user = await newUser();
    const session = await signIn(t.app, user);
    // 14 × 51 min = 11 h 54 min of steady use.
    for (let i = 0; i < 14; i++) {
      t.clock.advance(51 * MINUTE);
      expect((await meStatus(session)).status).toBe(200);
    }
    t.clock.advance(5 * MINUTE);
    expect((await meStatus(session)).status).toBe(200);
    t.clock.advance(MINUTE);
    expect(await meStatus(session)).toEqual({ status: 401, code: 'SESSION_EXPIRED' });
    const [row] = await t.db.query<{ revoked_reason: string }>('select revoked_reason from sessions where account_id = $1', [user.id]);
    expect(row?.revoked_reason).toBe('absolute_timeout');
  });
});

describe('sessions that end early', () => {
  it('logout revokes the session: the cookie no longer works', async () => {
    const user = await newUser();
    const session = await signIn(t.app, user);
    const response = await as(t.app, session).post('/api/v1/auth/logout');
    expect(response.statusCode).toBe(204);
    expect(sessionCookie(response).value).toBe('');
    expect(await meStatus(session)).toEqual({ status: 401, code: 'SESSION_EXPIRED' });
  });

  it('a password change ends the other sessions of the user and keeps the current one', async () => {
    const user = await newUser();
    const current = await signIn(t.app, user);
    const other = await signIn(t.app, user, '198.51.100.20');
    const newPassword = 'a much better passphrase 2026';
    const change = await as(t.app, current).post('/api/v1/auth/password', { currentPassword: user.password, newPassword });
    expect(change.statusCode).toBe(204);
    expect((await meStatus(current)).status).toBe(200);
    expect(await meStatus(other)).toEqual({ status: 401, code: 'SESSION_EXPIRED' });
    await expect(signIn(t.app, { email: user.email, password: newPassword })).resolves.toMatchObject({ accountId: user.id });
  });

  it('deactivating a membership ends the sessions and API tokens of that user in that organisation only', async () => {
    // Memberships made at the same (manual) instant are ordered by name: `org` is the default at sign-in.
    const org = await buildOrganisation({ name: 'Association Amal' });
    const elsewhere = await buildOrganisation({ name: 'Association Basma' });
    const admin = await signIn(t.app, await buildUser({ organisationId: org.id, roles: ['org_admin'] }));
    const member = await buildUser({ organisationId: org.id, roles: ['case_worker'] });
    await buildUser({ organisationId: elsewhere.id, email: member.email, roles: ['viewer'] });

    const here = await signIn(t.app, member);
    expect(here.organisationId).toBe(org.id);
    const there = await signIn(t.app, member);
    expect((await as(t.app, there).post('/api/v1/me/organisation', { organisationId: elsewhere.id })).statusCode).toBe(200);
    const created = await as(t.app, here).post('/api/v1/tokens', { name: 'KoBo sync' });
    const token = created.json().token as string;
    expect((await as(t.app, { token }).get('/api/v1/me')).statusCode).toBe(200);

    const current = (await as(t.app, admin).get(`/api/v1/users/${member.id}`)).json();
    const patch = await as(t.app, admin).patch(`/api/v1/users/${member.id}`, { active: false, version: current.version });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().active).toBe(false);

    expect(await meStatus(here)).toEqual({ status: 401, code: 'SESSION_EXPIRED' });
    const bearer = await as(t.app, { token }).get('/api/v1/me');
    expect(bearer.statusCode).toBe(401);
    expect(bearer.json().error.code).toBe('TOKEN_INVALID');
    // The session active in the other organisation goes on.
    expect((await meStatus(there)).status).toBe(200);

    // Revoked in the database, not only refused because the membership is gone.
    const sessions = await t.db.query<{ active_organisation_id: string; revoked_reason: string | null }>(
      'select active_organisation_id, revoked_reason from sessions where account_id = $1',
      [member.id],
    );
    expect(sessions.filter((s) => s.active_organisation_id === org.id).map((s) => s.revoked_reason)).toEqual(['deactivated']);
    expect(sessions.find((s) => s.active_organisation_id === elsewhere.id)?.revoked_reason).toBeNull();
    const tokens = await t.db.query<{ revoked_at: Date | null }>('select revoked_at from api_tokens where account_id = $1', [member.id]);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.revoked_at).not.toBeNull();
  });
});

it('an unknown or garbled session cookie is refused with SESSION_EXPIRED', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `${SESSION_COOKIE}=sess_nope` } });
  expect(response.statusCode).toBe(401);
  expect(response.json().error.code).toBe('SESSION_EXPIRED');
});
