import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildOrganisation, buildSignedInUser, buildUser, newId, signIn } from '../harness/factories.ts';

/**
 * User administration (issue 2): an org_admin manages the accounts of their organisation; nobody else
 * may, other organisations' users do not exist for them, and an organisation never loses its last admin.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const newEmail = () => `staff-${newId().slice(-8)}@test.sanad`;

describe('an org_admin manages users', () => {
  it('creates, lists, reads and changes a user', async () => {
    const admin = await buildSignedInUser(t.app);
    const client = as(t.app, admin);
    const email = newEmail();
    const created = await client.post('/api/v1/users', { email: email.toUpperCase(), displayName: ' Fatima ', roles: ['case_worker'], locale: 'ar' });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({ email, displayName: 'Fatima', roles: ['case_worker'], locale: 'ar', active: true, version: 1 });

    const list = await client.get('/api/v1/users');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((u: { email: string }) => u.email).sort()).toEqual([admin.user.email, email].sort());

    const { initialPassword: _once, ...view } = user;
    expect((await client.get(`/api/v1/users/${user.id}`)).json()).toEqual(view);

    const patched = await client.patch(`/api/v1/users/${user.id}`, { version: 1, roles: ['case_worker', 'health_worker'], displayName: 'Fatima Z.' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ roles: ['case_worker', 'health_worker'], displayName: 'Fatima Z.', version: 2 });

    const deactivated = await client.patch(`/api/v1/users/${user.id}`, { version: 2, active: false });
    expect(deactivated.json()).toMatchObject({ active: false, version: 3 });
    const activeOnly = await client.get('/api/v1/users?active=true');
    expect(activeOnly.json().items.map((u: { id: string }) => u.id)).toEqual([admin.user.id]);
  });

  it('a stale version is USER_VERSION_CONFLICT with the current user in details', async () => {
    const admin = await buildSignedInUser(t.app);
    const other = await buildUser({ organisationId: admin.organisationId, roles: ['viewer'] });
    const client = as(t.app, admin);
    expect((await client.patch(`/api/v1/users/${other.id}`, { version: 1, displayName: 'First' })).statusCode).toBe(200);
    const stale = await client.patch(`/api/v1/users/${other.id}`, { version: 1, displayName: 'Second' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('USER_VERSION_CONFLICT');
    expect(stale.json().error.details.current).toMatchObject({ id: other.id, displayName: 'First', version: 2 });
  });
});

describe('who may not', () => {
  it('a user without user.manage gets FORBIDDEN, but may read themselves', async () => {
    const admin = await buildSignedInUser(t.app);
    const agent = await buildSignedInUser(t.app, { organisationId: admin.organisationId, roles: ['field_agent'] });
    const client = as(t.app, agent);
    for (const response of [
      await client.get('/api/v1/users'),
      await client.get(`/api/v1/users/${admin.user.id}`),
      await client.post('/api/v1/users', { email: newEmail(), displayName: 'X', roles: ['org_admin'] }),
      await client.patch(`/api/v1/users/${agent.user.id}`, { version: 1, roles: ['org_admin'] }),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect((await client.get(`/api/v1/users/${agent.user.id}`)).json()).toMatchObject({ roles: ['field_agent'] });
  });

  it("another organisation's user is NOT_FOUND, to read and to change", async () => {
    const admin = await buildSignedInUser(t.app);
    const stranger = await buildUser({ organisationId: (await buildOrganisation()).id, roles: ['viewer'] });
    const read = await as(t.app, admin).get(`/api/v1/users/${stranger.id}`);
    expect(read.statusCode).toBe(404);
    expect(read.json().error.code).toBe('NOT_FOUND');
    const change = await as(t.app, admin).patch(`/api/v1/users/${stranger.id}`, { version: 1, active: false });
    expect(change.statusCode).toBe(404);
    // Still active at home.
    await expect(signIn(t.app, stranger)).resolves.toMatchObject({ accountId: stranger.id });
  });
});

describe('the last administrator', () => {
  it('cannot be deactivated or lose the org_admin role; with a second admin it can', async () => {
    const admin = await buildSignedInUser(t.app);
    const client = as(t.app, admin);
    for (const change of [{ active: false }, { roles: ['viewer'] }]) {
      const response = await client.patch(`/api/v1/users/${admin.user.id}`, { version: 1, ...change });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe('LAST_ADMINISTRATOR');
    }
    const deputy = await client.post('/api/v1/users', { email: newEmail(), displayName: 'Deputy', roles: ['org_admin'] });
    // A deactivated admin does not count.
    expect((await client.patch(`/api/v1/users/${deputy.json().id}`, { version: 1, active: false })).statusCode).toBe(200);
    expect((await client.patch(`/api/v1/users/${admin.user.id}`, { version: 1, roles: ['viewer'] })).json().error.code).toBe('LAST_ADMINISTRATOR');

    expect((await client.patch(`/api/v1/users/${deputy.json().id}`, { version: 2, active: true })).statusCode).toBe(200);
    const demoted = await client.patch(`/api/v1/users/${admin.user.id}`, { version: 1, roles: ['viewer'] });
    expect(demoted.statusCode).toBe(200);
    // The change applies to the very next request of the demoted admin's session.
    expect((await client.get('/api/v1/users')).json().error.code).toBe('FORBIDDEN');
  });
});

describe('people who already have an account', () => {
  it('gain a membership without any change to their password; a second add is MEMBERSHIP_EXISTS', async () => {
    const admin = await buildSignedInUser(t.app);
    const home = await buildOrganisation();
    const person = await buildUser({ organisationId: home.id, roles: ['case_worker'] });

    const added = await as(t.app, admin).post('/api/v1/users', {
      email: person.email,
      displayName: 'Ignored name',
      roles: ['viewer'],
      password: 'an admin chosen passphrase 1',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ id: person.id, roles: ['viewer'], mustChangePassword: false, initialPassword: null });

    // Their own password still works, the administrator's does not.
    const session = await signIn(t.app, person);
    expect((await as(t.app, session).get('/api/v1/me')).json().organisations.map((o: { id: string }) => o.id).sort()).toEqual(
      [home.id, admin.organisationId].sort(),
    );
    await expect(signIn(t.app, { email: person.email, password: 'an admin chosen passphrase 1' })).rejects.toThrow(/401/);

    const again = await as(t.app, admin).post('/api/v1/users', { email: person.email, displayName: 'Again', roles: ['case_worker'] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'MEMBERSHIP_EXISTS', details: { email: person.email } });
  });
});
