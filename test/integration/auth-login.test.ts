import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildOrganisation, buildUser, signIn } from '../harness/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('sign-in', () => {
  it('opens a session that /me reports, with the active organisation and permissions', async () => {
    const org = await buildOrganisation({ acronym: 'AFM' });
    const user = await buildUser({ organisationId: org.id, roles: ['field_agent'] });
    const session = await signIn(t.app, user);
    const me = await as(t.app, session).get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      id: user.id,
      email: user.email,
      organisationId: org.id,
      roles: ['field_agent'],
      mustChangePassword: false,
    });
    expect(me.json().permissions).toContain('person.search');
    expect(me.json().permissions).not.toContain('user.manage');
  });

  it('refuses a wrong password with LOGIN_FAILED and no cookie', async () => {
    const org = await buildOrganisation();
    const user = await buildUser({ organisationId: org.id });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'not the right password' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('LOGIN_FAILED');
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});
