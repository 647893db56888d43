import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/clock.ts';
import { LOCKOUT_THRESHOLD, requiredDelayMs } from '../../src/server/auth/policy.ts';
import { startTestApp, type TestApp } from '../harness/app.ts';
import { as, buildSignedInUser, currentTotp, enrolTotp, signIn, wrongTotp, type Session, type TestUser } from '../harness/factories.ts';

/**
 * Signing in with a second factor (issue 3): the code is asked for only after a right password, a wrong
 * code counts as a failed sign-in, a code works once, and a recovery code works once.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());
beforeEach(() => t.clock.advance(MINUTE));

const STEP_MS = 30_000;
let ipCounter = 0;
/** Each test signs in from its own address: the lockout is per (account, IP). */
const freshIp = () => `198.18.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

function login(user: TestUser, extra: { totp?: string; recoveryCode?: string; password?: string }, ip: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: user.email, password: extra.password ?? user.password, ...extra },
    remoteAddress: ip,
  });
}

async function enrolledUser(): Promise<{ session: Session; user: TestUser; secret: string; recoveryCodes: string[] }> {
  const session = await buildSignedInUser(t.app);
  const { secret, recoveryCodes } = await enrolTotp(t.app, session);
  return { session, user: session.user, secret, recoveryCodes };
}

async function auditRows(accountId: string, action: string) {
  return t.db.query<{ payload: Record<string, unknown> }>(
    `select p.payload from audit_events e join audit_payloads p on p.organisation_id = e.organisation_id and p.seq = e.seq
     where e.target_id = $1 and e.action = $2 order by e.occurred_at`,
    [accountId, action],
  );
}

const failures = async (accountId: string, ip: string) =>
  (await t.db.query('select 1 from login_failures where account_id = $1 and ip = $2', [accountId, ip])).length;

describe('sign-in with a second factor', () => {
  it('asks for the code after a right password (TOTP_REQUIRED, not a failure, audited), then signs in with it', async () => {
    const { user, secret } = await enrolledUser();
    const ip = freshIp();
    const asked = await login(user, {}, ip);
    expect(asked.statusCode).toBe(401);
    expect(asked.json().error.code).toBe('TOTP_REQUIRED');
    expect(asked.headers['set-cookie']).toBeUndefined();
    expect(await failures(user.id, ip)).toBe(0);
    expect(await auditRows(user.id, 'auth.totp_required')).toEqual([{ payload: { ip } }]);

    t.clock.advance(STEP_MS); // the enrolment used the current step
    const response = await login(user, { totp: currentTotp(secret) }, ip);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, totpEnabled: true, mustEnrolTotp: false, recoveryCodesRemaining: 10 });
    const [logged] = (await auditRows(user.id, 'auth.login')).slice(-1);
    expect(logged!.payload).toMatchObject({ ip, secondFactor: 'totp' });
  });

  it('never tells a wrong password apart by the second factor: LOGIN_FAILED, with or without a code', async () => {
    const { user, secret, recoveryCodes } = await enrolledUser();
    t.clock.advance(STEP_MS);
    const code = currentTotp(secret);
    for (const extra of [{}, { totp: code }, { totp: wrongTotp(secret) }, { recoveryCode: recoveryCodes[0]! }]) {
      const response = await login(user, { ...extra, password: 'not my password at all' }, freshIp());
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('LOGIN_FAILED');
      expect(response.json().error.message).toBe('Email or password is incorrect.');
    }
    // Neither the code nor the recovery code was spent by the refused attempts.
    expect((await login(user, { totp: code }, freshIp())).statusCode).toBe(200);
    expect((await login(user, { recoveryCode: recoveryCodes[0]! }, freshIp())).statusCode).toBe(200);
  });

  it('refuses a replayed code and an older one (TOTP_INVALID), accepts the next step', async () => {
    const { user, secret } = await enrolledUser();
    const ip = freshIp();
    // The code that confirmed the enrolment is already used.
    const replayOfEnrolment = await login(user, { totp: currentTotp(secret) }, ip);
    expect(replayOfEnrolment.statusCode).toBe(401);
    expect(replayOfEnrolment.json().error.code).toBe('TOTP_INVALID');

    t.clock.advance(STEP_MS);
    const code = currentTotp(secret);
    expect((await login(user, { totp: code }, ip)).statusCode).toBe(200);
    const replay = await login(user, { totp: code }, ip);
    expect(replay.json().error.code).toBe('TOTP_INVALID');

    t.clock.advance(STEP_MS);
    // The previous step is inside the drift window, but not newer than the last one used.
    expect((await login(user, { totp: code }, ip)).json().error.code).toBe('TOTP_INVALID');
    // From another address (three failures here mean a delay): the current step works.
    expect((await login(user, { totp: currentTotp(secret) }, freshIp())).statusCode).toBe(200);
  });

  it('counts wrong codes as failed sign-ins: delayed, then locked even with the right code, and audited', async () => {
    const { user, secret } = await enrolledUser();
    const ip = freshIp();
    for (let failure = 0; failure < LOCKOUT_THRESHOLD; failure++) {
      t.clock.advance(requiredDelayMs(failure));
      const wrong = await login(user, { totp: wrongTotp(secret) }, ip);
      expect(wrong.statusCode, wrong.body).toBe(401);
      expect(wrong.json().error.code).toBe('TOTP_INVALID');
    }
    expect(await failures(user.id, ip)).toBe(LOCKOUT_THRESHOLD);
    t.clock.advance(STEP_MS);
    const locked = await login(user, { totp: currentTotp(secret) }, ip);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('LOGIN_LOCKED');
    const audited = await auditRows(user.id, 'auth.login_failed');
    expect(audited).toHaveLength(LOCKOUT_THRESHOLD);
    expect(audited[0]!.payload).toMatchObject({ reason: 'wrong_totp', ip });
  });

  it('delays the attempt after two wrong codes (LOGIN_DELAYED), like two wrong passwords', async () => {
    const { user, secret } = await enrolledUser();
    const ip = freshIp();
    t.clock.advance(STEP_MS);
    expect((await login(user, { totp: wrongTotp(secret) }, ip)).statusCode).toBe(401);
    expect((await login(user, { totp: wrongTotp(secret) }, ip)).statusCode).toBe(401);
    const early = await login(user, { totp: currentTotp(secret) }, ip);
    expect(early.statusCode).toBe(429);
    expect(early.json().error.code).toBe('LOGIN_DELAYED');
  });
});

describe('recovery codes at sign-in', () => {
  it('signs in once with each code (any case, with or without hyphens), audited with the count left', async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const ip = freshIp();
    const [first, second] = recoveryCodes;
    const response = await login(user, { recoveryCode: first! }, ip);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ totpEnabled: true, recoveryCodesRemaining: 9 });
    expect(await auditRows(user.id, 'auth.recovery_code_used')).toEqual([{ payload: { ip, remaining: 9 } }]);

    const reused = await login(user, { recoveryCode: first! }, ip);
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.code).toBe('TOTP_INVALID');
    const [failed] = (await auditRows(user.id, 'auth.login_failed')).slice(-1);
    expect(failed!.payload).toMatchObject({ reason: 'wrong_recovery_code' });

    const typed = ` ${second!.replace(/-/g, '').toUpperCase()} `;
    const session = await signIn(t.app, { ...user, recoveryCode: typed }, freshIp());
    expect((await as(t.app, session).get('/api/v1/me')).json().recoveryCodesRemaining).toBe(8);
  });

  it('uses the authenticator code when both are sent, leaving the recovery code unspent', async () => {
    const { user, secret, recoveryCodes } = await enrolledUser();
    t.clock.advance(STEP_MS);
    const response = await login(user, { totp: currentTotp(secret), recoveryCode: recoveryCodes[0]! }, freshIp());
    expect(response.statusCode).toBe(200);
    expect(response.json().recoveryCodesRemaining).toBe(10);
  });

  it('ignores a code sent for an account without a second factor', async () => {
    const session = await buildSignedInUser(t.app);
    const response = await login(session.user, { totp: '123456' }, freshIp());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ totpEnabled: false, recoveryCodesRemaining: null });
  });
});
