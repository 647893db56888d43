import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/clock.ts';
import { AUTH_RATE_LIMIT, LOCKOUT_THRESHOLD, LOCKOUT_WINDOW_MS, requiredDelayMs } from '../../src/server/auth/policy.ts';
import { SYSTEM_ORGANISATION_ID } from '../../src/server/domain/actor.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildOrganisation, buildUser, newId, signIn } from '../harness/factories.ts';

/**
 * Guessing defences (issue 2): a progressive delay and a lock per (account, IP), a per-IP rate limit on
 * the authentication endpoints, and an audit entry for every failed sign-in. Every test uses its own
 * IPs, so the in-memory rate limiter of one test never counts another's requests.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

function attempt(email: string, password: string, ip: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });
}

describe('lockout per account and IP', () => {
  it('delays after 2 failures, locks after 6 in 15 minutes, spares other IPs and unlocks after the window', async () => {
    const org = await buildOrganisation();
    const user = await buildUser({ organisationId: org.id });
    const ip = '192.0.2.11';
    let sinceFirstFailure = 0;

    for (let failures = 0; failures < LOCKOUT_THRESHOLD; failures++) {
      const wait = requiredDelayMs(failures);
      if (wait > 0) {
        // Too early, even with the right password: delayed, told how long, and not counted as a failure.
        const early = await attempt(user.email, user.password, ip);
        expect(early.statusCode).toBe(429);
        expect(early.json().error.code).toBe('LOGIN_DELAYED');
        expect(Number(early.headers['retry-after'])).toBe(Math.ceil(wait / 1000));
        t.clock.advance(wait);
        sinceFirstFailure += wait;
      }
      const wrong = await attempt(user.email, 'not my password at all', ip);
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.code).toBe('LOGIN_FAILED');
    }
    // The delays before the 3rd…6th attempt were 1 s, 2 s, 4 s, 8 s.
    expect([2, 3, 4, 5].map(requiredDelayMs)).toEqual([1000, 2000, 4000, 8000]);

    t.clock.advance(MINUTE);
    sinceFirstFailure += MINUTE;
    const locked = await attempt(user.email, user.password, ip);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('LOGIN_LOCKED');
    const retryAfter = Number(locked.headers['retry-after']);
    // Unlocks when the first of the six failures leaves the 15-minute window.
    expect(retryAfter).toBe((LOCKOUT_WINDOW_MS - sinceFirstFailure) / 1000);

    // Someone guessing from elsewhere cannot lock a colleague out.
    expect((await attempt(user.email, user.password, '192.0.2.12')).statusCode).toBe(200);

    t.clock.advance(retryAfter * 1000 - 2000);
    expect((await attempt(user.email, user.password, ip)).json().error.code).toBe('LOGIN_LOCKED');
    t.clock.advance(2000);
    const unlocked = await attempt(user.email, user.password, ip);
    expect(unlocked.statusCode).toBe(200);
    // A success clears the failures of this (account, IP).
    const left = await t.db.query('select 1 from login_failures where account_id = $1 and ip = $2', [user.id, ip]);
    expect(left).toHaveLength(0);
  });

  it('throttles guesses at an unknown email the same way (no account enumeration by behaviour)', async () => {
    const email = `nobody-${newId()}@test.sanad`;
    const ip = '192.0.2.21';
    expect((await attempt(email, 'whatever it is 1', ip)).statusCode).toBe(401);
    expect((await attempt(email, 'whatever it is 2', ip)).statusCode).toBe(401);
    expect((await attempt(email, 'whatever it is 3', ip)).json().error.code).toBe('LOGIN_DELAYED');
  });
});

describe('per-IP rate limit on the authentication endpoints', () => {
  it(`answers RATE_LIMITED after ${AUTH_RATE_LIMIT.requests} requests a minute from one IP, on login and password change`, async () => {
    const org = await buildOrganisation();
    const user = await buildUser({ organisationId: org.id });
    const session = await signIn(t.app, user, '192.0.2.30');
    const ip = '192.0.2.31';
    t.clock.advance(MINUTE); // a fresh window for this test

    for (let i = 0; i < AUTH_RATE_LIMIT.requests; i++) {
      // Different unknown emails, so the per-account delay never answers first.
      const response = await attempt(`flood-${i}-${newId()}@test.sanad`, 'some guess here', ip);
      expect(response.statusCode).toBe(401);
    }
    const limited = await attempt(user.email, user.password, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    const password = await as(t.app, session).post(
      '/api/v1/auth/password',
      { currentPassword: user.password, newPassword: 'another long passphrase 77' },
      { remoteAddress: ip },
    );
    expect(password.json().error.code).toBe('RATE_LIMITED');
    // Other endpoints and other IPs are not limited.
    expect((await as(t.app, session).get('/api/v1/me', { remoteAddress: ip })).statusCode).toBe(200);
    expect((await attempt(user.email, user.password, '192.0.2.32')).statusCode).toBe(200);

    t.clock.advance(AUTH_RATE_LIMIT.windowMs);
    expect((await attempt(user.email, user.password, ip)).statusCode).toBe(200);
  });
});

describe('failed sign-ins are audited', () => {
  type AuditRow = { organisation_id: string; target_id: string | null; payload: Record<string, unknown> };
  const failures = (where: string, value: string) =>
    t.db.query<AuditRow>(
      `select e.organisation_id, e.target_id, p.payload from audit_events e
       join audit_payloads p on p.organisation_id = e.organisation_id and p.seq = e.seq
       where e.action = 'auth.login_failed' and ${where}`,
      [value],
    );

  it('an unknown email in the system chain', async () => {
    const email = `ghost-${newId()}@test.sanad`;
    expect((await attempt(email, 'secret guess 123', '192.0.2.41')).statusCode).toBe(401);
    const rows = await failures(`p.payload->>'email' = $1`, email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organisation_id: SYSTEM_ORGANISATION_ID, target_id: null });
    expect(rows[0]!.payload).toMatchObject({ email, ip: '192.0.2.41', reason: 'unknown_email' });
    // The guessed password is never stored.
    expect(JSON.stringify(rows[0]!.payload)).not.toContain('secret guess');
  });

  it("a known account in its organisation's chain, visible to its administrators", async () => {
    const org = await buildOrganisation();
    const admin = await signIn(t.app, await buildUser({ organisationId: org.id, roles: ['org_admin'] }), '192.0.2.50');
    const member = await buildUser({ organisationId: org.id, roles: ['field_agent'] });
    expect((await attempt(member.email, 'wrong guess 4567', '192.0.2.51')).statusCode).toBe(401);

    const rows = await failures('e.target_id = $1', member.id);
    expect(rows.map((r) => r.organisation_id)).toEqual([org.id]);

    const listed = await as(t.app, admin).get('/api/v1/audit-events?action=auth.login_failed');
    expect(listed.statusCode).toBe(200);
    const items = listed.json().items as Array<{ targetId: string; payload: Record<string, unknown> }>;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ targetId: member.id, payload: { reason: 'wrong_password', ip: '192.0.2.51' } });
    expect(JSON.stringify(items[0])).not.toContain('wrong guess');
  });
});
