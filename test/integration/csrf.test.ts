import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_COOKIE } from '../../src/server/auth/policy.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildSignedInUser, type Session } from '../harness/factories.ts';

/**
 * CSRF (DESIGN §4): cookie-authenticated changes need the session's X-CSRF-Token; safe methods, login and
 * Bearer requests need none. The header is checked against the hash stored with the session, so a forged
 * cookie + header pair (naive double submit) does not pass.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

/** A request with the session cookie and an optional X-CSRF-Token of our choosing. */
function withCookie(session: Session, method: InjectOptions['method'], url: string, csrf?: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: session.cookie, ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }) },
    ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
  });
}

function expectCsrfFailed(response: { statusCode: number; json(): { error: { code: string } } }) {
  expect(response.statusCode).toBe(403);
  expect(response.json().error.code).toBe('CSRF_FAILED');
}

describe('cookie-authenticated changes', () => {
  it('POST, PATCH and DELETE without the X-CSRF-Token header are refused and change nothing', async () => {
    const session = await buildSignedInUser(t.app);
    const token = (await as(t.app, session).post('/api/v1/tokens', { name: 'for delete' })).json();

    expectCsrfFailed(await withCookie(session, 'POST', '/api/v1/tokens', undefined, { name: 'sneaky' }));
    expectCsrfFailed(await withCookie(session, 'PATCH', '/api/v1/me', undefined, { displayName: 'Pwned' }));
    expectCsrfFailed(await withCookie(session, 'DELETE', `/api/v1/tokens/${token.id}`));
    expectCsrfFailed(await withCookie(session, 'POST', '/api/v1/auth/logout'));

    const tokens = (await as(t.app, session).get('/api/v1/tokens')).json().items as Array<{ name: string; revokedAt: string | null }>;
    expect(tokens).toEqual([expect.objectContaining({ name: 'for delete', revokedAt: null })]);
    expect((await as(t.app, session).get('/api/v1/me')).json().displayName).not.toBe('Pwned');
  });

  it('a wrong token, another session’s token or a forged cookie + header pair is refused', async () => {
    const session = await buildSignedInUser(t.app);
    const other = await buildSignedInUser(t.app);
    expectCsrfFailed(await withCookie(session, 'POST', '/api/v1/tokens', 'csrf_wrong', { name: 'x' }));
    expectCsrfFailed(await withCookie(session, 'POST', '/api/v1/tokens', '', { name: 'x' }));
    expectCsrfFailed(await withCookie(session, 'POST', '/api/v1/tokens', other.csrf, { name: 'x' }));
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie: `${session.cookie.replace(/sanad_csrf=[^;]*/, '')}; ${CSRF_COOKIE}=forged`, 'x-csrf-token': 'forged' },
      payload: { name: 'x' },
    });
    expectCsrfFailed(forged);
  });

  it('with the session’s token the change goes through', async () => {
    const session = await buildSignedInUser(t.app);
    const created = await withCookie(session, 'POST', '/api/v1/tokens', session.csrf, { name: 'ok' });
    expect(created.statusCode).toBe(201);
    const patched = await withCookie(session, 'PATCH', '/api/v1/me', session.csrf, { displayName: 'Salma' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().displayName).toBe('Salma');
    expect((await withCookie(session, 'DELETE', `/api/v1/tokens/${created.json().id}`, session.csrf)).statusCode).toBe(200);
  });

  it('safe methods need no token', async () => {
    const session = await buildSignedInUser(t.app);
    expect((await withCookie(session, 'GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await withCookie(session, 'GET', '/api/v1/users')).statusCode).toBe(200);
  });
});

describe('requests that need no CSRF token', () => {
  it('Bearer-token requests change things without one', async () => {
    const session = await buildSignedInUser(t.app);
    const secret = (await as(t.app, session).post('/api/v1/tokens', { name: 'script' })).json().token as string;
    const bearer = { authorization: `Bearer ${secret}` };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: bearer, payload: { name: 'from script' } });
    expect(created.statusCode).toBe(201);
    const patched = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer, payload: { locale: 'ar' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().locale).toBe('ar');
  });

  it('login needs none, even when the browser still sends an old session cookie', async () => {
    const session = await buildSignedInUser(t.app);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: session.cookie },
      payload: { email: session.user.email, password: session.user.password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().csrfToken).toEqual(expect.any(String));
    expect(login.json().csrfToken).not.toBe(session.csrf);
  });
});
