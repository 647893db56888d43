import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildOrganisation, buildSignedInUser, buildUser, signIn } from '../harness/factories.ts';

/**
 * Organisations (issue 2): an org_admin records external organisations (donors, partners) with IATI
 * codes; only an instance administrator creates member organisations; profiles change with a version.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('creating organisations', () => {
  it('an org_admin records external organisations with IATI type and identifier', async () => {
    const admin = await buildSignedInUser(t.app);
    const client = as(t.app, admin);
    const iom = await client.post('/api/v1/organisations', {
      kind: 'external',
      name: 'International Organization for Migration',
      acronym: 'iom',
      iatiType: '40',
      iatiIdentifier: 'XM-DAC-47066',
    });
    expect(iom.statusCode).toBe(201);
    expect(iom.json()).toMatchObject({ kind: 'external', acronym: 'IOM', iatiType: '40', iatiIdentifier: 'XM-DAC-47066', version: 1 });

    // kind defaults to external.
    const eu = await client.post('/api/v1/organisations', { name: 'European Union', acronym: 'EU', iatiType: '40', iatiIdentifier: 'XI-IATI-EC_INTPA' });
    expect(eu.statusCode).toBe(201);
    expect(eu.json().kind).toBe('external');

    const listed = await client.get('/api/v1/organisations?kind=external');
    expect(listed.json().items.map((o: { acronym: string }) => o.acronym).sort()).toEqual(['EU', 'IOM']);
    expect((await client.get(`/api/v1/organisations/${iom.json().id}`)).json()).toEqual(iom.json());

    // Another organisation does not see what this one recorded.
    const stranger = await buildSignedInUser(t.app);
    expect((await as(t.app, stranger).get(`/api/v1/organisations/${iom.json().id}`)).statusCode).toBe(404);
    expect((await as(t.app, stranger).get('/api/v1/organisations?kind=external')).json().items).toEqual([]);
  });

  it('a member organisation needs an instance administrator', async () => {
    const admin = await buildSignedInUser(t.app);
    const refused = await as(t.app, admin).post('/api/v1/organisations', { kind: 'member', name: 'Association Nour', acronym: 'NOUR' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');

    const home = await buildOrganisation();
    const root = await signIn(t.app, await buildUser({ organisationId: home.id, roles: ['org_admin'], instanceAdmin: true }));
    const created = await as(t.app, root).post('/api/v1/organisations', { kind: 'member', name: 'Association Nour', acronym: 'NOUR', iatiType: '22' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'member', acronym: 'NOUR', country: 'MA', timeZone: 'Africa/Casablanca' });
  });

  it('an unknown IATI type is VALIDATION_FAILED naming iatiType', async () => {
    const admin = await buildSignedInUser(t.app);
    const response = await as(t.app, admin).post('/api/v1/organisations', { name: 'Unknown donor', iatiType: '99' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.json().error.details).toEqual([expect.objectContaining({ path: 'iatiType' })]);
  });

  it('a taken acronym is ACRONYM_TAKEN, whatever its case and whoever took it', async () => {
    const admin = await buildSignedInUser(t.app);
    const taken = await buildOrganisation({ acronym: 'UNHCR' });
    const response = await as(t.app, admin).post('/api/v1/organisations', { name: 'UN Refugee Agency', acronym: 'unhcr' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'ACRONYM_TAKEN', details: { acronym: taken.acronym } });
  });
});

describe('changing an organisation', () => {
  it('an org_admin changes its own profile with the current version; a stale version conflicts', async () => {
    const admin = await buildSignedInUser(t.app);
    const url = `/api/v1/organisations/${admin.organisationId}`;
    const client = as(t.app, admin);
    const before = (await client.get(url)).json();

    const patched = await client.patch(url, { version: before.version, timeZone: 'Europe/Paris', disclosureThreshold: 10 });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ timeZone: 'Europe/Paris', disclosureThreshold: 10, version: before.version + 1, name: before.name });

    const stale = await client.patch(url, { version: before.version, disclosureThreshold: 3 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('ORGANISATION_VERSION_CONFLICT');
    expect(stale.json().error.details.current).toMatchObject({ disclosureThreshold: 10, version: before.version + 1 });
  });

  it('an unknown time zone is VALIDATION_FAILED', async () => {
    const admin = await buildSignedInUser(t.app);
    const response = await as(t.app, admin).patch(`/api/v1/organisations/${admin.organisationId}`, { version: 1, timeZone: 'Mars/Olympus_Mons' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(response.json().error.details)).toContain('timeZone');
  });

  it('a non-admin cannot change it, and another organisation cannot even see it', async () => {
    const admin = await buildSignedInUser(t.app);
    const viewer = await buildSignedInUser(t.app, { organisationId: admin.organisationId, roles: ['viewer'] });
    const url = `/api/v1/organisations/${admin.organisationId}`;
    const forbidden = await as(t.app, viewer).patch(url, { version: 1, disclosureThreshold: 1 });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
    const stranger = await buildSignedInUser(t.app);
    expect((await as(t.app, stranger).patch(url, { version: 1, disclosureThreshold: 1 })).statusCode).toBe(404);
    expect((await as(t.app, admin).get(url)).json()).toMatchObject({ disclosureThreshold: 5, version: 1 });
  });
});
