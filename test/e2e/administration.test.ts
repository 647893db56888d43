import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimAccount, newPassword, signInContext } from './accounts.ts';
import { button, expectNoProblems, field, fillLoginForm, screenshot, startApp, type AppFixture, type WatchedContext } from './app-fixture.ts';
import { DESKTOP_VIEWPORT, PHONE_VIEWPORT } from './browser.ts';
import { AxeLog, expectHeading, pageReady } from './checks.ts';
import { shown, text } from './locales.ts';

/**
 * An administrator gives a new colleague an account from the administration pages, hands over the
 * temporary password, and later deactivates the account: the colleague, signed in on their phone, is
 * signed out at their next step, and the API no longer accepts their session.
 */
let app: AppFixture;
let admin: WatchedContext;
let colleague: WatchedContext;
const ADMIN = 'admin@afm.demo';
const NEW_USER = { email: 'amina.benali@afm.demo', name: 'Amina Benali' };
let temporaryPassword: string;
let colleaguePassword: string;
/** axe findings on the dialogs and the required set-up page, which the page tour does not open. */
const axe = new AxeLog();

beforeAll(async () => {
  app = await startApp({ demo: true });
  const adminPassword = await claimAccount(app.server, ADMIN);
  [admin, colleague] = await Promise.all([app.newContext(DESKTOP_VIEWPORT), app.newContext(PHONE_VIEWPORT)]);
  await signInContext(admin.context, app.server.url, ADMIN, adminPassword);
});
afterAll(async () => {
  await app?.close();
});

const url = (path: string) => `${app.server.url}${path}`;
const pathname = (page: Page) => new URL(page.url()).pathname;

describe('an administrator manages a colleague account', () => {
  it('creates it from the users page: a form checked in the browser, then a temporary password shown once', async () => {
    const page = await admin.page();
    await page.goto(url('/admin/users'));
    await expectHeading(page, shown('fr', 'admin:users.title'));

    await button(page, 'fr', 'admin:users.add').click();
    const dialog = page.getByRole('dialog', { name: text('fr', 'admin:users.create.title') });
    await dialog.waitFor();
    await field(page, 'fr', 'admin:users.fields.email').fill(NEW_USER.email);
    await field(page, 'fr', 'admin:users.fields.displayName').fill(NEW_USER.name);
    // No role chosen: the form says so before anything is sent, and keeps what was typed.
    await button(page, 'fr', 'admin:users.create.submit').click();
    await expect.poll(() => dialog.getByText(text('fr', 'admin:validation.roles')).isVisible()).toBe(true);
    expect(await field(page, 'fr', 'admin:users.fields.email').inputValue()).toBe(NEW_USER.email);

    await dialog.getByRole('checkbox', { name: text('fr', 'roles.field_agent'), exact: true }).check();
    await axe.scan(page, 'create-user dialog fr desktop');
    await screenshot(app, page, 'admin-create-user-form');
    await button(page, 'fr', 'admin:users.create.submit').click();

    const done = page.getByRole('dialog', { name: text('fr', 'admin:users.create.doneTitle') });
    await done.waitFor();
    temporaryPassword = (await done.locator('pre, code').first().innerText()).trim();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    await axe.scan(page, 'created-user dialog fr desktop');
    await screenshot(app, page, 'admin-created-user-password');
    await button(page, 'fr', 'admin:users.create.done').click();
    await done.waitFor({ state: 'hidden' });

    // The list now holds the colleague, whose password must still be changed.
    const link = page.getByRole('link', { name: NEW_USER.name, exact: true });
    await link.waitFor();
    expectNoProblems(admin);
  });

  it('lets the colleague in on their phone once they chose their own password', async () => {
    const page = await colleague.page();
    await page.goto(url('/login'));
    await pageReady(page);
    await fillLoginForm(page, 'fr', NEW_USER.email, temporaryPassword);
    await expectHeading(page, shown('fr', 'auth:forcedPassword.title'));
    colleaguePassword = newPassword();
    await field(page, 'fr', 'auth:password.current').fill(temporaryPassword);
    await field(page, 'fr', 'auth:password.new').fill(colleaguePassword);
    await field(page, 'fr', 'auth:password.confirm').fill(colleaguePassword);
    await button(page, 'fr', 'auth:forcedPassword.submit').click();
    await page.waitForURL((target) => target.pathname === '/');
    await expectHeading(page, shown('fr', 'home.title', { name: NEW_USER.name }));

    await page.goto(url('/account'));
    await expectHeading(page, shown('fr', 'auth:account.title'));
    expectNoProblems(colleague);
  });

  it('deactivates it: the colleague is sent to the login page at their next step and the API refuses the session', async () => {
    const adminPage = await admin.page();
    await adminPage.getByRole('link', { name: NEW_USER.name, exact: true }).click();
    await expectHeading(adminPage, NEW_USER.name);
    expect(pathname(adminPage)).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);
    await button(adminPage, 'fr', 'admin:user.access.deactivate').click();
    const confirm = adminPage.getByRole('dialog', { name: text('fr', 'admin:user.access.confirmTitle', { name: NEW_USER.name }) });
    await confirm.waitFor();
    await expect.poll(() => confirm.getByText(text('fr', 'admin:user.access.confirmBody')).isVisible()).toBe(true);
    await axe.scan(adminPage, 'deactivate dialog fr desktop');
    await screenshot(app, adminPage, 'admin-deactivate-confirm');
    await confirm.getByRole('button', { name: text('fr', 'admin:user.access.deactivate'), exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => adminPage.getByText(text('fr', 'admin:user.access.inactiveBody')).isVisible()).toBe(true);
    // The confirmation that appears (a notification) is part of the page too.
    await expect.poll(() => adminPage.getByText(text('fr', 'admin:user.access.deactivated', { name: NEW_USER.name })).isVisible()).toBe(true);
    await axe.scan(adminPage, '/admin/users/:id after deactivating fr desktop');
    await button(adminPage, 'fr', 'admin:user.access.reactivate').waitFor();

    // The colleague, still on their account page, follows a link that asks the server for data.
    const page = await colleague.page();
    colleague.watcher.expectHttp('401 GET /api/v1/*');
    await page.getByRole('link', { name: text('fr', 'auth:account.tokens.link') }).click();
    await expectHeading(page, shown('fr', 'auth:login.title'));
    expect(pathname(page)).toBe('/login');
    await screenshot(app, page, 'signed-out-after-deactivation');
    const session = await page.request.get(url('/api/v1/me'));
    expect(session.status()).toBe(401);

    // Their password no longer opens this organisation either.
    const again = await page.request.post(url('/api/v1/auth/login'), { data: { email: NEW_USER.email, password: colleaguePassword } });
    expect(again.status()).toBe(401);

    // Back on the list, the administrator sees the account as deactivated.
    await adminPage.getByRole('link', { name: text('fr', 'admin:user.back') }).click();
    await expectHeading(adminPage, shown('fr', 'admin:users.title'));
    const card = adminPage.getByRole('row').or(adminPage.getByRole('listitem')).filter({ hasText: NEW_USER.name });
    await expect.poll(() => card.getByText(text('fr', 'admin:users.status.deactivated'), { exact: true }).isVisible()).toBe(true);
    await screenshot(app, adminPage, 'admin-users-after-deactivation');
    expectNoProblems(admin, colleague);
  });
});

describe('an administrator requires two-step verification for the whole organisation', () => {
  it('sends everyone, the administrator first, to the set-up before anything else; the set-up lets them in', async () => {
    const [asbAdmin, asbMember] = ['admin@asb.demo', 'viewer@asb.demo'];
    const [adminPassword, memberPassword] = await Promise.all([claimAccount(app.server, asbAdmin), claimAccount(app.server, asbMember)]);
    const desk = await app.newContext(DESKTOP_VIEWPORT);
    await signInContext(desk.context, app.server.url, asbAdmin, adminPassword);
    const page = await desk.page();
    await page.goto(url('/admin/organisation'));
    await expectHeading(page, shown('fr', 'admin:organisation.title'));

    await page.getByRole('switch', { name: text('fr', 'admin:organisation.fields.totpRequired') }).check();
    // The administrator is warned that the rule applies to them too.
    await expect.poll(() => page.getByText(text('fr', 'admin:organisation.totpSelfWarning')).isVisible()).toBe(true);
    await button(page, 'fr', 'actions.save').click();
    await expectHeading(page, shown('fr', 'auth:totpRequired.title'));
    expect(pathname(page)).toBe('/two-step-setup');
    await axe.scan(page, '/two-step-setup fr desktop');
    await screenshot(app, page, 'totp-required-setup');

    // A member who signs in now lands on the same set-up; the server refuses them anything else meanwhile.
    const member = await app.newContext(PHONE_VIEWPORT);
    await signInContext(member.context, app.server.url, asbMember, memberPassword);
    const memberPage = await member.page();
    await memberPage.goto(url('/'));
    await expectHeading(memberPage, shown('fr', 'auth:totpRequired.title'));
    const refused = await memberPage.request.get(url('/api/v1/tokens'));
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('TOTP_ENROLMENT_REQUIRED');
    await screenshot(app, memberPage, 'totp-required-setup');

    // The administrator sets up their app and goes on into Sanad.
    await button(page, 'fr', 'auth:totp.begin').click();
    const key = (await page.locator('code').filter({ hasText: /^[A-Z2-7\s]+$/ }).innerText()).replace(/\s+/g, '');
    const totp = new TOTP({ secret: Secret.fromBase32(key), algorithm: 'SHA1', digits: 6, period: 30 });
    await field(page, 'fr', 'auth:totp.confirmCode').fill(totp.generate());
    await button(page, 'fr', 'auth:totp.turnOn').click();
    await page.getByRole('list', { name: text('fr', 'auth:recoveryCodes.listLabel') }).waitFor();
    await page.getByLabel(text('fr', 'auth:recoveryCodes.confirmSaved')).check();
    await button(page, 'fr', 'auth:totpRequired.finish').click();
    await page.waitForURL((target) => target.pathname === '/');
    const me = (await (await page.request.get(url('/api/v1/me'))).json()) as { displayName: string; totpEnabled: boolean; mustEnrolTotp: boolean };
    expect(me).toMatchObject({ totpEnabled: true, mustEnrolTotp: false });
    await expectHeading(page, shown('fr', 'home.title', { name: me.displayName }));
    expectNoProblems(desk, member);
  });
});

describe('accessibility of the administration dialogs', () => {
  it('found nothing serious with axe in the dialogs, notifications and the required set-up page', () => {
    expect(axe.places).toHaveLength(5);
    const lines = axe.report();
    expect(lines, `\n${lines.join('\n')}\n`).toEqual([]);
  });
});
