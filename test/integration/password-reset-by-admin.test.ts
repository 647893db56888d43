import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/clock.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildOrganisation, buildSignedInUser, buildUser, signIn } from '../harness/factories.ts';

/**
 * "Forgot your password? Ask your administrator": an administrator gives a member a new password, which the
 * member must change at the next sign-in; the member's sessions end. An account shared with another
 * organisation is out of one association's reach.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());
beforeEach(() => t.clock.advance(MINUTE));

async function adminWithMember() {
  const admin = await buildSignedInUser(t.app);
  const member = await buildUser({ organisationId: admin.organisationId, roles: ['field_agent'] });
  return { admin, member };
}

describe('POST /users/{id}/password', () => {
  it('generates a password shown once, forces a change at next sign-in and ends the member\'s sessions', async () => {
    const { admin, member } = await adminWithMember();
    const memberSession = await signIn(t.app, member);
    expect((await as(t.app, memberSession).get('/api/v1/me')).statusCode).toBe(200);

    const response = await as(t.app, admin).post(`/api/v1/users/${member.id}/password`, {});
    expect(response.statusCode, response.body).toBe(200);
    const { password } = response.json() as { password: string };
    expect(password.length).toBeGreaterThanOrEqual(12);

    expect((await as(t.app, memberSession).get('/api/v1/me')).statusCode).toBe(401);
    await expect(signIn(t.app, member)).rejects.toThrow(/401/);
    const fresh = await signIn(t.app, { email: member.email, password });
    const me = await as(t.app, fresh).get('/api/v1/me');
    expect(me.json()).toMatchObject({ mustChangePassword: true });
    expect((await as(t.app, fresh).get('/api/v1/users')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const audit = await as(t.app, admin).get(`/api/v1/audit-events?action=user.password_reset`);
    expect(audit.statusCode, audit.body).toBe(200);
    const entry = (audit.json().items as Array<{ action: string; targetId: string; payload?: unknown }>).find((e) => e.targetId === member.id);
    expect(entry?.action).toBe('user.password_reset');
    expect(JSON.stringify(audit.json())).not.toContain(password);
  });

  it('accepts a password the administrator chose, if strong enough, and returns none', async () => {
    const { admin, member } = await adminWithMember();
    const weak = await as(t.app, admin).post(`/api/v1/users/${member.id}/password`, { password: 'password1234' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('PASSWORD_TOO_WEAK');
    const chosen = 'orange camel library sunset';
    const response = await as(t.app, admin).post(`/api/v1/users/${member.id}/password`, { password: chosen });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ password: null });
    await signIn(t.app, { email: member.email, password: chosen });
  });

  it('refuses oneself, a member of another organisation too, and people without user.manage', async () => {
    const { admin, member } = await adminWithMember();
    const self = await as(t.app, admin).post(`/api/v1/users/${admin.accountId}/password`, {});
    expect(self.statusCode).toBe(422);
    expect(self.json().error.code).toBe('OPERATION_REFUSED');

    const other = await buildSignedInUser(t.app);
    const shared = await as(t.app, other).post('/api/v1/users', { email: member.email, displayName: 'Shared', roles: ['viewer'] });
    expect(shared.statusCode, shared.body).toBe(201);
    const refused = await as(t.app, admin).post(`/api/v1/users/${member.id}/password`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('OPERATION_REFUSED');
    await signIn(t.app, member);

    const agent = await buildSignedInUser(t.app, { organisationId: admin.organisationId, roles: ['field_agent'] });
    const forbidden = await as(t.app, agent).post(`/api/v1/users/${member.id}/password`, {});
    expect(forbidden.statusCode).toBe(403);
  });

  it('answers 404 for a user of another organisation, without touching them', async () => {
    const { member } = await adminWithMember();
    const stranger = await buildSignedInUser(t.app, { organisationId: (await buildOrganisation()).id });
    const response = await as(t.app, stranger).post(`/api/v1/users/${member.id}/password`, {});
    expect(response.statusCode).toBe(404);
    await signIn(t.app, member);
  });
});
