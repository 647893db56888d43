import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildOrganisation, buildUser, signIn, type TestUser } from '../harness/factories.ts';

/**
 * One person, several member organisations (issue 2): a session works in one active organisation at a
 * time and switches to another only where the person is an active member.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

/** A person who administers `first` and is a field agent in `second` (their memberships, oldest first). */
async function twoHats(): Promise<{ person: TestUser; first: string; second: string }> {
  const first = (await buildOrganisation({ name: 'Association Amal' })).id;
  const second = (await buildOrganisation({ name: 'Association Basma' })).id;
  const person = await buildUser({ organisationId: first, roles: ['org_admin'] });
  await buildUser({ organisationId: second, email: person.email, roles: ['field_agent'] });
  return { person, first, second };
}

describe('switching the active organisation', () => {
  it('changes what /me reports and what the session may do, for this session only', async () => {
    const { person, first, second } = await twoHats();
    const session = await signIn(t.app, person);
    const other = await signIn(t.app, person);
    const client = as(t.app, session);

    const before = (await client.get('/api/v1/me')).json();
    expect(before).toMatchObject({ organisationId: first, roles: ['org_admin'] });
    expect(before.organisations).toEqual([
      expect.objectContaining({ id: first, roles: ['org_admin'] }),
      expect.objectContaining({ id: second, roles: ['field_agent'] }),
    ]);
    expect((await client.get('/api/v1/users')).statusCode).toBe(200);

    const switched = await client.post('/api/v1/me/organisation', { organisationId: second });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ organisationId: second, roles: ['field_agent'] });
    expect(switched.json().permissions).not.toContain('user.manage');

    const after = (await client.get('/api/v1/me')).json();
    expect(after).toMatchObject({ organisationId: second, roles: ['field_agent'] });
    expect((await client.get('/api/v1/users')).json().error.code).toBe('FORBIDDEN');
    // The organisation record it reads is the new one.
    expect((await client.get('/api/v1/organisations')).json().items.map((o: { id: string }) => o.id)).toEqual([second]);
    // Other sessions of the same person keep their own active organisation.
    expect((await as(t.app, other).get('/api/v1/me')).json().organisationId).toBe(first);

    // Audited in the chain of the organisation switched to.
    const audit = await t.db.query<{ organisation_id: string }>(
      "select organisation_id from audit_events where action = 'auth.organisation_switched' and target_id = $1",
      [person.id],
    );
    expect(audit.map((a) => a.organisation_id)).toEqual([second]);

    const back = await client.post('/api/v1/me/organisation', { organisationId: first });
    expect(back.json()).toMatchObject({ organisationId: first, roles: ['org_admin'] });
  });

  it('to an organisation without an active membership is NOT_A_MEMBER', async () => {
    const { person, first, second } = await twoHats();
    const stranger = (await buildOrganisation()).id;
    const session = await signIn(t.app, person);
    const client = as(t.app, session);

    const notMine = await client.post('/api/v1/me/organisation', { organisationId: stranger });
    expect(notMine.statusCode).toBe(422);
    expect(notMine.json().error.code).toBe('NOT_A_MEMBER');

    // An external organisation has no members; an unknown id is no better.
    const external = (await client.post('/api/v1/organisations', { name: 'A donor' })).json().id as string;
    expect((await client.post('/api/v1/me/organisation', { organisationId: external })).json().error.code).toBe('NOT_A_MEMBER');
    expect((await client.post('/api/v1/me/organisation', { organisationId: '01900000-0000-7000-8000-000000000000' })).json().error.code).toBe('NOT_A_MEMBER');

    // A deactivated membership no longer counts.
    const secondAdmin = await signIn(t.app, await buildUser({ organisationId: second, roles: ['org_admin'] }));
    const membership = (await as(t.app, secondAdmin).get(`/api/v1/users/${person.id}`)).json();
    await as(t.app, secondAdmin).patch(`/api/v1/users/${person.id}`, { version: membership.version, active: false });
    expect((await client.post('/api/v1/me/organisation', { organisationId: second })).json().error.code).toBe('NOT_A_MEMBER');
    expect((await client.get('/api/v1/me')).json()).toMatchObject({ organisationId: first, organisations: [expect.objectContaining({ id: first })] });
  });

  it('an API token stays in its organisation: switching is FORBIDDEN', async () => {
    const { person, second } = await twoHats();
    const session = await signIn(t.app, person);
    const token = (await as(t.app, session).post('/api/v1/tokens', { name: 'script' })).json().token as string;
    const response = await as(t.app, { token }).post('/api/v1/me/organisation', { organisationId: second });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });
});
