import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/clock.ts';
import { permissionsOf } from '../../src/core/permissions.ts';
import { TOTP_ENROLMENT_TTL_MS } from '../../src/server/auth/policy.ts';
import { withTransaction } from '../../src/server/db/transaction.ts';
import type { Actor } from '../../src/server/domain/actor.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildSignedInUser, currentTotp, enrolTotp, signIn, wrongTotp } from '../harness/factories.ts';

/**
 * Setting up the second factor (issue 3): the two-step enrolment, recovery codes, turning it off, and how
 * the secrets are stored. Sign-in with a code is in totp-login.test.ts, the organisation's requirement
 * and the administrator's reset in totp-organisation.test.ts.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());
// A fresh window of the per-IP limiter of the authentication routes for every test.
beforeEach(() => t.clock.advance(MINUTE));

const RECOVERY_CODE = /^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/;

describe('enrolment', () => {
  it('gives a secret, an otpauth URI with the defaults apps accept, and a QR code in SVG', async () => {
    const session = await buildSignedInUser(t.app);
    const response = await as(t.app, session).post('/api/v1/me/totp/enrolment');
    expect(response.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = response.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe(`/Sanad:${session.user.email}`);
    expect(Object.fromEntries(uri.searchParams)).toEqual({ issuer: 'Sanad', secret, algorithm: 'SHA1', digits: '6', period: '30' });
    expect(qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(qrSvg).toContain('</svg>');
    // Pending only: /me still says no second factor, and sign-in needs no code.
    expect((await as(t.app, session).get('/api/v1/me')).json()).toMatchObject({ totpEnabled: false, recoveryCodesRemaining: null });
    await expect(signIn(t.app, session.user)).resolves.toMatchObject({ accountId: session.accountId });
  });

  it('refuses a wrong code, then enables with the right one and returns ten distinct recovery codes', async () => {
    const session = await buildSignedInUser(t.app);
    const client = as(t.app, session);
    const { secret } = (await client.post('/api/v1/me/totp/enrolment')).json();

    const wrong = await client.post('/api/v1/me/totp', { code: wrongTotp(secret) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('TOTP_INVALID');
    // The session is not affected by a typo.
    expect((await client.get('/api/v1/me')).json().totpEnabled).toBe(false);

    const right = await client.post('/api/v1/me/totp', { code: currentTotp(secret) });
    expect(right.statusCode).toBe(200);
    const codes = right.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(RECOVERY_CODE);

    const me = (await client.get('/api/v1/me')).json();
    expect(me).toMatchObject({ totpEnabled: true, totpRequired: false, mustEnrolTotp: false, recoveryCodesRemaining: 10 });

    const again = await client.post('/api/v1/me/totp/enrolment');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TOTP_ALREADY_ENABLED');
    expect((await client.post('/api/v1/me/totp', { code: currentTotp(secret, { stepsAhead: 1 }) })).json().error.code).toBe('TOTP_ALREADY_ENABLED');
    await expect(auditActions(session.accountId)).resolves.toEqual(expect.arrayContaining(['auth.totp_enrolment_started', 'auth.totp_enabled']));
  });

  it('accepts the code of the next or previous 30-second step (clock drift), not two steps away', async () => {
    const session = await buildSignedInUser(t.app);
    const client = as(t.app, session);
    const { secret } = (await client.post('/api/v1/me/totp/enrolment')).json();
    const twoAhead = await client.post('/api/v1/me/totp', { code: currentTotp(secret, { stepsAhead: 2 }) });
    expect(twoAhead.json().error.code).toBe('TOTP_INVALID');
    const twoBehind = await client.post('/api/v1/me/totp', { code: currentTotp(secret, { stepsAhead: -2 }) });
    expect(twoBehind.json().error.code).toBe('TOTP_INVALID');
    const previous = await client.post('/api/v1/me/totp', { code: currentTotp(secret, { stepsAhead: -1 }) });
    expect(previous.statusCode).toBe(200);
  });

  it('answers TOTP_ENROLMENT_MISSING without a pending secret, or once it expired', async () => {
    const session = await buildSignedInUser(t.app);
    const client = as(t.app, session);
    const none = await client.post('/api/v1/me/totp', { code: '123456' });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('TOTP_ENROLMENT_MISSING');

    const { secret } = (await client.post('/api/v1/me/totp/enrolment')).json();
    t.clock.advance(TOTP_ENROLMENT_TTL_MS + MINUTE);
    const late = await client.post('/api/v1/me/totp', { code: currentTotp(secret) });
    expect(late.json().error.code).toBe('TOTP_ENROLMENT_MISSING');
  });

  it('replaces the pending secret when started again: only the newest one enables', async () => {
    const session = await buildSignedInUser(t.app);
    const client = as(t.app, session);
    const first = (await client.post('/api/v1/me/totp/enrolment')).json().secret as string;
    const second = (await client.post('/api/v1/me/totp/enrolment')).json().secret as string;
    expect(second).not.toBe(first);
    expect((await client.post('/api/v1/me/totp', { code: currentTotp(first) })).json().error.code).toBe('TOTP_INVALID');
    expect((await client.post('/api/v1/me/totp', { code: currentTotp(second) })).statusCode).toBe(200);
  });

  it('is for signed-in sessions only: an API token cannot enrol, disable or renew codes', async () => {
    const session = await buildSignedInUser(t.app);
    const token = (await as(t.app, session).post('/api/v1/tokens', { name: 'script' })).json().token as string;
    const client = as(t.app, { token });
    for (const response of [
      await client.post('/api/v1/me/totp/enrolment'),
      await client.post('/api/v1/me/totp', { code: '123456' }),
      await client.post('/api/v1/me/totp/disable', { currentPassword: session.user.password }),
      await client.post('/api/v1/me/totp/recovery-codes', { currentPassword: session.user.password }),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });
});

describe('recovery codes and turning the second factor off', () => {
  it('renews all recovery codes with the password: the old ones stop working', async () => {
    const session = await buildSignedInUser(t.app);
    const { secret, recoveryCodes: old } = await enrolTotp(t.app, session);
    const client = as(t.app, session);
    const wrong = await client.post('/api/v1/me/totp/recovery-codes', { currentPassword: 'not my password at all' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('PASSWORD_INCORRECT');

    const renewed = await client.post('/api/v1/me/totp/recovery-codes', { currentPassword: session.user.password });
    expect(renewed.statusCode).toBe(200);
    const fresh = renewed.json().recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => old.includes(c))).toEqual([]);

    const withOld = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: session.user.email, password: session.user.password, recoveryCode: old[0] },
    });
    expect(withOld.json().error.code).toBe('TOTP_INVALID');
    await expect(signIn(t.app, { ...session.user, recoveryCode: fresh[0]! })).resolves.toMatchObject({ accountId: session.accountId });
    // Still a working authenticator too.
    t.clock.advance(30_000);
    await expect(signIn(t.app, { ...session.user, totp: currentTotp(secret) })).resolves.toMatchObject({ accountId: session.accountId });
    expect(await auditActions(session.accountId)).toContain('auth.recovery_codes_regenerated');
  });

  it('renewing codes without a second factor is TOTP_NOT_ENABLED', async () => {
    const session = await buildSignedInUser(t.app);
    const response = await as(t.app, session).post('/api/v1/me/totp/recovery-codes', { currentPassword: session.user.password });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('TOTP_NOT_ENABLED');
  });

  it('turns off with the password only (PASSWORD_INCORRECT otherwise); sign-in then needs no code', async () => {
    const session = await buildSignedInUser(t.app);
    await enrolTotp(t.app, session);
    const client = as(t.app, session);
    const wrong = await client.post('/api/v1/me/totp/disable', { currentPassword: 'not my password at all' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('PASSWORD_INCORRECT');
    expect((await client.get('/api/v1/me')).json().totpEnabled).toBe(true);

    const off = await client.post('/api/v1/me/totp/disable', { currentPassword: session.user.password });
    expect(off.statusCode).toBe(204);
    expect((await client.get('/api/v1/me')).json()).toMatchObject({ totpEnabled: false, recoveryCodesRemaining: null });
    await expect(signIn(t.app, session.user)).resolves.toMatchObject({ accountId: session.accountId });
    const [codes] = await t.db.query<{ n: number }>('select count(*)::int8 as n from recovery_codes where account_id = $1', [session.accountId]);
    expect(codes!.n).toBe(0);
    expect(await auditActions(session.accountId)).toContain('auth.totp_disabled');
  });

  it('survives a password change', async () => {
    const session = await buildSignedInUser(t.app);
    const { secret } = await enrolTotp(t.app, session);
    const newPassword = 'a quiet garden in Tetouan 12';
    const change = await as(t.app, session).post('/api/v1/auth/password', { currentPassword: session.user.password, newPassword });
    expect(change.statusCode).toBe(204);
    expect((await as(t.app, session).get('/api/v1/me')).json().totpEnabled).toBe(true);
    const withoutCode = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: session.user.email, password: newPassword } });
    expect(withoutCode.json().error.code).toBe('TOTP_REQUIRED');
    t.clock.advance(30_000);
    await expect(signIn(t.app, { email: session.user.email, password: newPassword, totp: currentTotp(secret) })).resolves.toMatchObject({
      accountId: session.accountId,
    });
  });
});

describe('storage of the secrets', () => {
  it('keeps the secret encrypted and the recovery codes hashed', async () => {
    const session = await buildSignedInUser(t.app);
    const { secret, recoveryCodes } = await enrolTotp(t.app, session);
    const [account] = await t.db.query<{ totp_secret: string; totp_last_step: number }>(
      'select totp_secret, totp_last_step from accounts where id = $1',
      [session.accountId],
    );
    expect(account!.totp_secret).toMatch(/^enc1\.k1\./);
    expect(account!.totp_secret).not.toContain(secret);
    expect(account!.totp_last_step).toBeGreaterThan(0);
    const stored = await t.db.query<{ code_hash: Uint8Array }>('select code_hash from recovery_codes where account_id = $1', [session.accountId]);
    expect(stored).toHaveLength(10);
    const dump = JSON.stringify(stored.map((r) => Buffer.from(r.code_hash).toString('hex')));
    for (const code of recoveryCodes) expect(dump).not.toContain(Buffer.from(code).toString('hex'));
  });

  it('lets sanad_app read only whether a second factor is enabled, never the secrets or codes', async () => {
    const session = await buildSignedInUser(t.app);
    await enrolTotp(t.app, session);
    const actor: Actor = {
      kind: 'user', accountId: session.accountId, organisationId: session.organisationId, roles: ['org_admin'],
      permissions: permissionsOf(['org_admin']), instanceAdmin: false,
    };
    const [row] = await withTransaction(actor, (tx) =>
      tx.query<{ enabled: Date | null }>('select totp_enabled_at as enabled from accounts where id = $1', [session.accountId]),
    );
    expect(row!.enabled).toBeInstanceOf(Date);
    for (const sql of [
      'select totp_secret from accounts',
      'select totp_pending_secret from accounts',
      'select totp_last_step from accounts',
      'select * from recovery_codes',
      "update accounts set totp_enabled_at = null where id = '00000000-0000-0000-0000-000000000000'",
      'delete from recovery_codes',
    ]) {
      await expect(withTransaction(actor, (tx) => tx.query(sql)), sql).rejects.toThrow(/permission denied/);
    }
    const grants = await t.db.query<{ column_name: string }>(
      `select column_name from information_schema.column_privileges
       where table_schema = 'public' and grantee = 'sanad_app' and table_name = 'accounts' and column_name like 'totp%'`,
    );
    expect(grants.map((g) => g.column_name)).toEqual(['totp_enabled_at']);
    const tableGrants = await t.db.query(
      `select privilege_type from information_schema.role_table_grants where grantee = 'sanad_app' and table_name = 'recovery_codes'`,
    );
    expect(tableGrants).toEqual([]);
  });

  it("shows administrators whether each user has a second factor (UserView.totpEnabled)", async () => {
    const admin = await buildSignedInUser(t.app);
    const member = await buildSignedInUser(t.app, { organisationId: admin.organisationId, roles: ['field_agent'] });
    await enrolTotp(t.app, member);
    const users = (await as(t.app, admin).get('/api/v1/users')).json().items as Array<{ id: string; totpEnabled: boolean }>;
    expect(users.find((u) => u.id === member.accountId)?.totpEnabled).toBe(true);
    expect(users.find((u) => u.id === admin.accountId)?.totpEnabled).toBe(false);
    expect((await as(t.app, admin).get(`/api/v1/users/${member.accountId}`)).json().totpEnabled).toBe(true);
  });
});

async function auditActions(accountId: string): Promise<string[]> {
  const rows = await t.db.query<{ action: string }>('select action from audit_events where target_id = $1 order by occurred_at, seq', [accountId]);
  return rows.map((r) => r.action);
}
