import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { setDatabase } from '../../src/server/db/database-handle.ts';
import { buildApp } from '../../src/server/http/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { Keyring } from '../../src/server/security/keyring.ts';
import { configureServices } from '../../src/server/services.ts';
import { createTestDatabase, type TestDatabase } from '../harness/database.ts';
import { as, buildOrganisation, buildUser, currentTotp, enrolTotp, signIn } from '../harness/factories.ts';

/** The production logger at its most verbose, writing into memory. */
const lines: string[] = [];
let database: TestDatabase;
let app: FastifyInstance;
const clock = new ManualClock();

beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database.db);
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('trace', sink);
  configureServices({ clock, keyring: Keyring.generate(), passwordCost: 2 ** 10, logger });
  app = await buildApp({ logger });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  setDatabase(null);
  await database?.drop();
});

describe('logs', () => {
  it('hold no email, password, session, CSRF token, API token, second-factor secret or recovery code, or searched name', async () => {
    const org = await buildOrganisation();
    const user = await buildUser({ organisationId: org.id, email: 'fatoumata.diallo@afm.demo' });
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'wrong password here' } });
    const session = await signIn(app, user);
    const created = await as(app, session).post('/api/v1/tokens', { name: 'sync' });
    const secret = created.json().token as string;
    await as(app, { token: secret }).get('/api/v1/users?limit=5&cursor=Ousmane-Jallow');
    await as(app, session).get('/api/v1/audit-events?targetId=Mamadou%20Diallo');
    await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });

    // The second factor: its secret, the URI and QR code holding it, and the recovery codes.
    const enrolling = await signIn(app, await buildUser({ organisationId: org.id, email: 'nadia.benali@afm.demo' }));
    const enrolment = (await as(app, enrolling).post('/api/v1/me/totp/enrolment')).json() as { secret: string; otpauthUri: string };
    await as(app, enrolling).post('/api/v1/me/totp/disable', { currentPassword: 'wrong current password' });
    const member = await buildUser({ organisationId: org.id });
    const { secret: totpSecret, recoveryCodes } = await enrolTotp(app, await signIn(app, member));
    clock.advance(30_000);
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: member.email, password: member.password, totp: 'not-a-code' } });
    await signIn(app, { ...member, totp: currentTotp(totpSecret) });
    const recovered = await signIn(app, { ...member, recoveryCode: recoveryCodes[0]! });
    const renewed = (await as(app, recovered).post('/api/v1/me/totp/recovery-codes', { currentPassword: member.password })).json();
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(renewed.recoveryCodes).toHaveLength(10);

    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    for (const secretValue of [enrolment.secret, enrolment.otpauthUri, totpSecret, ...recoveryCodes, ...(renewed.recoveryCodes as string[]), 'nadia.benali']) {
      expect(text).not.toContain(secretValue);
    }
    for (const secretValue of [user.email, user.password, 'wrong password here', secret, session.csrf, session.cookie.split(';')[0]!.split('=')[1]!, 'Ousmane', 'Mamadou']) {
      expect(text).not.toContain(secretValue);
    }
    // Still useful: request lines carry the route pattern and status.
    expect(text).toContain('/api/v1/auth/login');
    expect(text).toMatch(/"statusCode":401/);
  });
});
