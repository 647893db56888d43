import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildSignedInUser, type Session } from '../harness/factories.ts';

/**
 * HTTP hardening (DESIGN §4): security headers on API answers, the 1 MB body limit, strict schemas and
 * error bodies that never carry a stack trace or an internal message.
 */
const INTERNAL_DETAIL = 'connection to 10.0.0.7 refused at pool.ts';

let t: TestApp;
let session: Session & { user: { id: string } };
beforeAll(async () => {
  t = await startTestApp({
    beforeReady: (app) => {
      // A test-only route standing in for any unexpected failure deep in a handler.
      app.get('/api/v1/test/explode', { config: { access: 'public' } }, async () => {
        throw new Error(INTERNAL_DETAIL);
      });
    },
  });
  session = await buildSignedInUser(t.app);
});
afterAll(async () => t?.close());

/** Every response a test looks at, so the last test can check that none leaks a stack. */
const seen: LightMyRequestResponse[] = [];
const keep = (response: LightMyRequestResponse) => (seen.push(response), response);

function expectError(response: LightMyRequestResponse, status: number, code: string) {
  keep(response);
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.json().error.code).toBe(code);
}

describe('security headers', () => {
  it.each([
    ['a successful answer', () => as(t.app, session).get('/api/v1/me')],
    ['an error answer', () => t.app.inject({ method: 'GET', url: '/api/v1/me' })],
    ['an unknown endpoint', () => t.app.inject({ method: 'GET', url: '/api/v1/nowhere' })],
  ])('on %s', async (_label, request) => {
    const response = keep(await request());
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('request bodies', () => {
  it('a 2 MB JSON body is BODY_TOO_LARGE', async () => {
    const payload = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
    const response = await as(t.app, session).post('/api/v1/tokens', payload, { headers: { 'content-type': 'application/json' } });
    expectError(response, 413, 'BODY_TOO_LARGE');
  });

  it('malformed JSON is MALFORMED_REQUEST', async () => {
    const response = await as(t.app, session).post('/api/v1/tokens', '{"name": "half', { headers: { 'content-type': 'application/json' } });
    expectError(response, 400, 'MALFORMED_REQUEST');
  });

  it('a body that is not JSON is UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await as(t.app, session).post('/api/v1/tokens', 'name=KoBo', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unknown field is VALIDATION_FAILED (schemas are strict), with the field path', async () => {
    const token = await as(t.app, session).post('/api/v1/tokens', { name: 'KoBo', scopes: ['all'] });
    expectError(token, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(token.json().error.details)).toContain('scopes');

    const me = await as(t.app, session).patch('/api/v1/me', { displayName: 'Ok', instanceAdmin: true });
    expectError(me, 400, 'VALIDATION_FAILED');
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.c', password: 'x', remember: true } });
    expectError(login, 400, 'VALIDATION_FAILED');
    expect((await as(t.app, session).get('/api/v1/me')).json().instanceAdmin).toBe(false);
  });

  it('a wrong type names the field', async () => {
    const response = await as(t.app, session).patch(`/api/v1/users/${session.user.id}`, { version: 'one' });
    expectError(response, 400, 'VALIDATION_FAILED');
    expect(response.json().error.details).toEqual([expect.objectContaining({ path: 'body.version' })]);
  });
});

describe('error bodies', () => {
  it('an unexpected failure is INTERNAL_ERROR without its message', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/test/explode' });
    expectError(response, 500, 'INTERNAL_ERROR');
    expect(response.body).not.toContain('10.0.0.7');
  });

  it('no response seen in this file carries a stack trace or a source path', () => {
    expect(seen.length).toBeGreaterThanOrEqual(10);
    for (const response of seen) {
      expect(response.body).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules|"stack"/);
      if (response.statusCode >= 400) expect(Object.keys(response.json().error).sort()).toEqual(expect.arrayContaining(['code', 'message']));
    }
  });
});
