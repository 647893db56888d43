import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/clock.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import {
  as,
  buildOrganisation,
  buildSignedInUser,
  buildUser,
  currentTotp,
  enrolTotp,
  signIn,
  type Session,
} from '../harness/factories.ts';

/**
 * The organisation's requirement of a second factor (issue 3) and the administrator's reset after a lost
 * phone: what a member who has not enrolled may still do, and what ends when an administrator resets.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());
beforeEach(() => t.clock.advance(MINUTE));

const STEP_MS = 30_000;

async function requireTotp(admin: Session, required = true) {
  const current = await as(t.app, admin).get(`/api/v1/organisations/${admin.organisationId}`);
  const response = await as(t.app, admin).patch(`/api/v1/organisations/${admin.organisationId}`, {
    version: current.json().version,
    totpRequired: required,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response;
}

/** An organisation with an enrolled administrator and a member who has not enrolled. */
async function organisationWithMember() {
  const admin = await buildSignedInUser(t.app);
  const { secret } = await enrolTotp(t.app, admin);
  const member = await buildSignedInUser(t.app, { organisationId: admin.organisationId, roles: ['field_agent'] });
  return { admin, adminSecret: secret, member };
}

describe('an organisation that requires a second factor', () => {
  it('is set by its administrator (organisation.manage), shown in OrganisationView and audited with its value', async () => {
    const admin = await buildSignedInUser(t.app);
    await enrolTotp(t.app, admin);
    const viewer = await buildSignedInUser(t.app, { organisationId: admin.organisationId, roles: ['viewer'] });
    const forbidden = await as(t.app, viewer).patch(`/api/v1/organisations/${admin.organisationId}`, { version: 1, totpRequired: true });
    expect(forbidden.statusCode).toBe(403);

    expect((await as(t.app, admin).get(`/api/v1/organisations/${admin.organisationId}`)).json().totpRequired).toBe(false);
    const response = await requireTotp(admin);
    expect(response.json()).toMatchObject({ totpRequired: true, version: 2 });
    const events = await as(t.app, admin).get(`/api/v1/audit-events?action=organisation.updated&targetId=${admin.organisationId}`);
    expect(events.json().items[0].payload).toEqual({ changed: ['totpRequired'], totpRequired: true });
    expect((await as(t.app, admin).get('/api/v1/me')).json()).toMatchObject({ totpRequired: true, totpEnabled: true, mustEnrolTotp: false });
  });

  it('lets a member without one use only /me, logout, the password change and the set-up, until enrolled', async () => {
    const { admin, member } = await organisationWithMember();
    await requireTotp(admin);
    const client = as(t.app, member);

    const me = await client.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ totpRequired: true, totpEnabled: false, mustEnrolTotp: true, recoveryCodesRemaining: null });
    for (const response of [
      await client.get('/api/v1/users'),
      await client.get('/api/v1/organisations'),
      await client.get('/api/v1/tokens'),
      await client.post('/api/v1/tokens', { name: 'early' }),
      await client.patch('/api/v1/me', { displayName: 'Early' }),
      await client.post('/api/v1/me/organisation', { organisationId: member.organisationId }),
      await client.post('/api/v1/me/totp/disable', { currentPassword: member.user.password }),
    ]) {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().error.code).toBe('TOTP_ENROLMENT_REQUIRED');
    }
    // Signing in again answers the same state, so the web app can go straight to the set-up.
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: member.user.email, password: member.user.password } });
    expect(again.json()).toMatchObject({ mustEnrolTotp: true });
    // The password change stays open.
    const newPassword = 'olive groves near Chefchaouen 5';
    expect((await client.post('/api/v1/auth/password', { currentPassword: member.user.password, newPassword })).statusCode).toBe(204);

    await enrolTotp(t.app, member);
    expect((await client.get('/api/v1/me')).json()).toMatchObject({ mustEnrolTotp: false, totpEnabled: true, recoveryCodesRemaining: 10 });
    expect((await client.get('/api/v1/organisations')).statusCode).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
  });

  it('puts the password change first when both are due', async () => {
    const admin = await buildSignedInUser(t.app);
    await enrolTotp(t.app, admin);
    await requireTotp(admin);
    const user = await buildUser({ organisationId: admin.organisationId, roles: ['viewer'], mustChangePassword: true });
    const session = await signIn(t.app, user);
    const client = as(t.app, session);
    expect((await client.get('/api/v1/me')).json()).toMatchObject({ mustChangePassword: true, mustEnrolTotp: true });
    expect((await client.get('/api/v1/users')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await client.post('/api/v1/me/totp/enrolment')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await client.post('/api/v1/auth/password', { currentPassword: user.password, newPassword: 'olive groves near Chefchaouen 6' });
    expect((await client.get('/api/v1/users')).json().error.code).toBe('TOTP_ENROLMENT_REQUIRED');
    expect((await client.post('/api/v1/me/totp/enrolment')).statusCode).toBe(200);
  });

  it('does not stop API tokens', async () => {
    const { admin, member } = await organisationWithMember();
    const token = (await as(t.app, member).post('/api/v1/tokens', { name: 'sync' })).json().token as string;
    await requireTotp(admin);
    expect((await as(t.app, { token }).get('/api/v1/organisations')).statusCode).toBe(200);
    expect((await as(t.app, { token }).get('/api/v1/me')).json()).toMatchObject({ totpRequired: true, mustEnrolTotp: false });
  });

  it('refuses to turn the second factor off (TOTP_REQUIRED_BY_ORGANISATION), in any of the member organisations', async () => {
    const admin = await buildSignedInUser(t.app);
    await enrolTotp(t.app, admin);
    const other = await buildOrganisation();
    // The same account in a second organisation that does not require it, active there.
    await buildUser({ organisationId: other.id, email: admin.user.email, roles: ['viewer'] });
    await requireTotp(admin);
    await as(t.app, admin).post('/api/v1/me/organisation', { organisationId: other.id });

    const refused = await as(t.app, admin).post('/api/v1/me/totp/disable', { currentPassword: admin.user.password });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('TOTP_REQUIRED_BY_ORGANISATION');
    expect(refused.json().error.details.organisations).toEqual([expect.objectContaining({ id: admin.organisationId })]);

    await as(t.app, admin).post('/api/v1/me/organisation', { organisationId: admin.organisationId });
    await requireTotp(admin, false);
    expect((await as(t.app, admin).post('/api/v1/me/totp/disable', { currentPassword: admin.user.password })).statusCode).toBe(204);
  });
});

describe("an administrator's reset of a second factor (lost phone)", () => {
  it('removes it and the recovery codes, ends the sessions, is audited, and sign-in works with the password', async () => {
    const { admin, member } = await organisationWithMember();
    const { recoveryCodes } = await enrolTotp(t.app, member);
    expect((await as(t.app, admin).get(`/api/v1/users/${member.accountId}`)).json().totpEnabled).toBe(true);

    const reset = await as(t.app, admin).post(`/api/v1/users/${member.accountId}/totp/reset`);
    expect(reset.statusCode).toBe(204);
    const ended = await as(t.app, member).get('/api/v1/me');
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error.code).toBe('SESSION_EXPIRED');
    expect((await as(t.app, admin).get(`/api/v1/users/${member.accountId}`)).json().totpEnabled).toBe(false);
    const [codes] = await t.db.query<{ n: number }>('select count(*)::int8 as n from recovery_codes where account_id = $1', [member.accountId]);
    expect(codes!.n).toBe(0);

    const events = await as(t.app, admin).get(`/api/v1/audit-events?action=user.totp_reset&targetId=${member.accountId}`);
    expect(events.json().items).toHaveLength(1);
    expect(events.json().items[0]).toMatchObject({ actorAccountId: admin.accountId, payload: { wasEnabled: true, sessionsEnded: 1 } });

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: member.user.email, password: member.user.password, recoveryCode: recoveryCodes[0] },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ totpEnabled: false, recoveryCodesRemaining: null });
  });

  it('sends a member of an organisation that requires it back to the set-up', async () => {
    const { admin, member } = await organisationWithMember();
    await enrolTotp(t.app, member);
    await requireTotp(admin);
    await as(t.app, admin).post(`/api/v1/users/${member.accountId}/totp/reset`);
    const session = await signIn(t.app, member.user);
    expect((await as(t.app, session).get('/api/v1/me')).json()).toMatchObject({ mustEnrolTotp: true });
    const { secret } = await enrolTotp(t.app, session);
    t.clock.advance(STEP_MS);
    await expect(signIn(t.app, { ...member.user, totp: currentTotp(secret) })).resolves.toMatchObject({ accountId: member.accountId });
  });

  it("is 404 for another organisation's user, 403 without user.manage, and refused for oneself", async () => {
    const { admin, member } = await organisationWithMember();
    const stranger = await buildSignedInUser(t.app);
    await enrolTotp(t.app, stranger);

    const crossOrganisation = await as(t.app, admin).post(`/api/v1/users/${stranger.accountId}/totp/reset`);
    expect(crossOrganisation.statusCode).toBe(404);
    expect(crossOrganisation.json().error.code).toBe('NOT_FOUND');
    expect((await as(t.app, stranger).get('/api/v1/me')).json().totpEnabled).toBe(true);

    const noPermission = await as(t.app, member).post(`/api/v1/users/${admin.accountId}/totp/reset`);
    expect(noPermission.statusCode).toBe(403);
    expect(noPermission.json().error.code).toBe('FORBIDDEN');

    const self = await as(t.app, admin).post(`/api/v1/users/${admin.accountId}/totp/reset`);
    expect(self.statusCode).toBe(422);
    expect(self.json().error.code).toBe('OPERATION_REFUSED');
    expect((await as(t.app, admin).get('/api/v1/me')).json().totpEnabled).toBe(true);
  });
});
