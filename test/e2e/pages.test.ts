import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimAccount, signInContext } from './accounts.ts';
import { expectNoProblems, screenshot, startApp, type AppFixture } from './app-fixture.ts';
import { DESKTOP_VIEWPORT, PHONE_VIEWPORT, type Viewport } from './browser.ts';
import { describeAxe, expectHeading, horizontalOverflow, overflowingElements, pageReady, seriousAxeViolations, waitUntil, type AxeFinding } from './checks.ts';
import { plain, shown, text, type Language } from './locales.ts';

/**
 * Every page of the web app as people see it: in French and in Arabic, on a 360 px phone and a 1280 px
 * desktop. Switching to Arabic turns the page right to left — text, and the navigation, which moves to the
 * right (on a phone it slides in from the right edge) — and is kept on the account. On every page: nothing
 * scrolls sideways on the phone, axe-core finds nothing serious, and a screenshot is kept to look at.
 */
let app: AppFixture;
/** Switches languages in the first tests; the tour uses administrators, who see every page. */
const EMAIL = 'manager@afm.demo';
let password: string;
const adminPasswords: Record<string, string> = {};

beforeAll(async () => {
  app = await startApp({ demo: true });
  const claimed = await Promise.all([EMAIL, ...DEVICES.map((d) => d.admin)].map(async (email) => [email, await claimAccount(app.server, email)] as const));
  for (const [email, chosen] of claimed) adminPasswords[email] = chosen;
  password = adminPasswords[EMAIL]!;
});
afterAll(async () => {
  await app?.close();
});

const url = (path: string) => `${app.server.url}${path}`;
const documentLanguage = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
const navigation = (page: Page, language: Language) => page.getByRole('navigation', { name: text(language, 'nav.label'), exact: true });

async function box(locator: Locator): Promise<{ left: number; right: number }> {
  const rect = await locator.evaluate((element) => {
    const r = element.getBoundingClientRect();
    return { left: r.left, right: r.right };
  });
  return { left: Math.round(rect.left), right: Math.round(rect.right) };
}

describe('switching to Arabic', () => {
  it('turns the page right to left, translates it, moves the navigation to the right, and is remembered', async () => {
    const desktop = await app.newContext(DESKTOP_VIEWPORT);
    await signInContext(desktop.context, app.server.url, EMAIL, password);
    const page = await desktop.page();
    await page.goto(url('/'));
    await pageReady(page);
    expect(await documentLanguage(page)).toEqual(['fr', 'ltr']);
    // The main element spans the whole width under the navigation (padded beside it): measure its content.
    const content = page.locator('main#main h1');
    const frenchNav = await box(navigation(page, 'fr'));
    const frenchContent = await box(content);
    // In French the navigation is the left column.
    expect(frenchNav.left).toBe(0);
    expect(frenchNav.right).toBeLessThanOrEqual(frenchContent.left);

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'العربية', exact: true }).click();
    await expect.poll(() => documentLanguage(page)).toEqual(['ar', 'rtl']);
    expect((await saved).status()).toBe(200);

    const me = (await (await page.request.get(url('/api/v1/me'))).json()) as { displayName: string; locale: string };
    expect(me.locale).toBe('ar');
    await expectHeading(page, shown('ar', 'home.title', { name: me.displayName }));
    const arabicNav = navigation(page, 'ar');
    await expect.poll(() => arabicNav.getByRole('link', { name: text('ar', 'nav.people'), exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: text('ar', 'nav.home'), exact: true }).getAttribute('aria-current')).toBe('page');

    // The navigation now sits on the right of the content, against the right edge.
    await expect.poll(async () => (await box(arabicNav)).right).toBe(DESKTOP_VIEWPORT.width);
    const arabicNavBox = await box(arabicNav);
    // The content's padding follows the navigation across (Mantine animates it).
    await expect.poll(async () => (await box(content)).right).toBeLessThanOrEqual(arabicNavBox.left);
    expect((await box(content)).left).toBeGreaterThan(0);
    await screenshot(app, page, 'home-after-switch');

    await page.reload();
    await expectHeading(page, shown('ar', 'home.title', { name: me.displayName }));
    expect(await documentLanguage(page)).toEqual(['ar', 'rtl']);
    expectNoProblems(desktop);
    await desktop.close();
  });

  it('opens in Arabic on another device (the account remembers), where the menu slides in from the right edge', async () => {
    // A fresh phone: nothing stored on it, so Arabic can only come from the account.
    const phone = await app.newContext(PHONE_VIEWPORT);
    await signInContext(phone.context, app.server.url, EMAIL, password);
    const page = await phone.page();
    await page.goto(url('/'));
    await pageReady(page);
    await expect.poll(() => documentLanguage(page)).toEqual(['ar', 'rtl']);
    expect(await page.evaluate(() => localStorage.getItem('sanad.language'))).toBe('ar');

    const nav = navigation(page, 'ar');
    // Closed, the navigation waits beyond the right edge of the screen.
    expect((await box(nav)).left).toBeGreaterThanOrEqual(PHONE_VIEWPORT.width);

    // Where the navigation's left edge is on each frame while it opens.
    const track = page.evaluate(async (label) => {
      const element = document.querySelector(`nav[aria-label="${label}"]`)!;
      const lefts: number[] = [];
      const started = performance.now();
      while (performance.now() - started < 1_000) {
        lefts.push(Math.round(element.getBoundingClientRect().left));
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return lefts;
    }, text('ar', 'nav.label'));
    await page.getByRole('button', { name: text('ar', 'nav.openMenu'), exact: true }).click();
    const lefts = await track;

    const final = await box(nav);
    expect(final.right).toBe(PHONE_VIEWPORT.width);
    expect(final.left).toBeLessThan(PHONE_VIEWPORT.width);
    // It moved leftwards only: in from the right, never from the left. (How many frames the slide shows
    // depends on the machine's load, so only the direction is checked, not the number of steps.)
    const moving = lefts.filter((left, index) => index === 0 || left !== lefts[index - 1]);
    expect(moving[0], `positions seen: ${lefts.join(', ')}`).toBeGreaterThanOrEqual(PHONE_VIEWPORT.width);
    for (let i = 1; i < moving.length; i++) expect(moving[i]!).toBeLessThan(moving[i - 1]!);
    expect(moving.at(-1)).toBe(final.left);
    await expect.poll(() => nav.getByRole('link', { name: text('ar', 'nav.people'), exact: true }).isVisible()).toBe(true);
    await screenshot(app, page, 'navigation-open');

    await page.getByRole('button', { name: text('ar', 'nav.closeMenu'), exact: true }).click();
    await expect.poll(async () => (await box(nav)).left).toBeGreaterThanOrEqual(PHONE_VIEWPORT.width);
    expectNoProblems(phone);
    await phone.close();
  });
});

/** A page of the tour: where it is and the h1 it must show (its text read from the locale files). */
interface TourStop {
  name: string;
  path: string;
  heading: (language: Language) => string;
}

function stops(me: { displayName: string }, someone: { id: string; displayName: string }): TourStop[] {
  return [
    { name: 'home', path: '/', heading: (l) => shown(l, 'home.title', { name: me.displayName }) },
    { name: 'placeholder-people', path: '/people', heading: (l) => shown(l, 'nav.people') },
    { name: 'account', path: '/account', heading: (l) => shown(l, 'auth:account.title') },
    { name: 'admin-organisation', path: '/admin/organisation', heading: (l) => shown(l, 'admin:organisation.title') },
    { name: 'admin-users', path: '/admin/users', heading: (l) => shown(l, 'admin:users.title') },
    { name: 'admin-user', path: `/admin/users/${someone.id}`, heading: () => plain(someone.displayName) },
    { name: 'admin-tokens', path: '/admin/tokens', heading: (l) => shown(l, 'admin:tokens.title') },
    { name: 'admin-audit', path: '/admin/audit', heading: (l) => shown(l, 'admin:audit.title') },
    { name: 'not-found', path: '/no-such-page', heading: (l) => shown(l, 'notFound.title') },
  ];
}

const NATIVE_NAME: Record<Language, string> = { fr: 'Français', ar: 'العربية', en: 'English' };
const DIRECTION: Record<Language, string> = { fr: 'ltr', ar: 'rtl', en: 'ltr' };

/** Chooses the language with the header's button (the account remembers it), unless it is already on. */
async function useLanguage(page: Page, language: Language): Promise<void> {
  if ((await documentLanguage(page))[0] === language) return;
  await page.getByRole('button', { name: NATIVE_NAME[language], exact: true }).click();
  await waitUntil(page, `switching to ${language}`, () => documentLanguage(page), ([lang, dir]) => lang === language && dir === DIRECTION[language]);
}

/** What the tour found wrong: sideways scrolling and problems the browser reported, then axe findings. */
interface Findings {
  lines: string[];
  axe: AxeFinding[];
}

/** Looks at the page the way the issue asks: the phone must not scroll sideways, axe finds nothing serious. */
async function inspect(page: Page, where: string, viewport: Viewport, findings: Findings): Promise<void> {
  if (viewport.width === PHONE_VIEWPORT.width) {
    const overflow = await horizontalOverflow(page);
    if (overflow > 0) findings.lines.push(`${where}: scrolls sideways by ${overflow} px; sticking out: ${(await overflowingElements(page)).join('; ')}`);
  }
  findings.axe.push(...(await seriousAxeViolations(page, where)));
}

/**
 * The two devices tour at the same time (separate contexts, and separate administrators, since each
 * language switch is saved on the account). Each page is looked at in the language it opens in, then
 * switched to the other with the header's button: a page must follow a switch without reloading.
 */
const DEVICES = [
  { device: 'phone', viewport: PHONE_VIEWPORT, admin: 'admin@afm.demo', someone: 'viewer@afm.demo' },
  { device: 'desktop', viewport: DESKTOP_VIEWPORT, admin: 'admin@asb.demo', someone: 'viewer@asb.demo' },
] as const;

/** Both languages of a page, starting with the one it opened in. */
async function bothLanguages(page: Page): Promise<Language[]> {
  return (await documentLanguage(page))[0] === 'ar' ? ['ar', 'fr'] : ['fr', 'ar'];
}

describe('every page, in French and in Arabic', () => {
  // Concurrent tests take `expect` from their context (test.for passes it).
  it.concurrent.for(DEVICES.map((d) => [d.device, d] as const))('on a %s: no sideways scrolling on a phone, no serious axe finding, screenshots', async ([device, { viewport, admin, someone }], { expect }) => {
    const [signedIn, signedOut] = await Promise.all([app.newContext(viewport), app.newContext(viewport)]);
    await signInContext(signedIn.context, app.server.url, admin, adminPasswords[admin]!);
    const me = (await (await signedIn.context.request.get(url('/api/v1/me'))).json()) as { displayName: string };
    const users = (await (await signedIn.context.request.get(url('/api/v1/users'))).json()) as {
      items: { id: string; email: string; displayName: string }[];
    };
    const tour = stops(me, users.items.find((user) => user.email === someone)!);
    const findings: Findings = { lines: [], axe: [] };

    const login = await signedOut.page();
    await login.goto(url('/login'));
    await pageReady(login);
    for (const language of await bothLanguages(login)) {
      await useLanguage(login, language);
      await expectHeading(login, shown(language, 'auth:login.title'));
      await inspect(login, `/login ${language} ${device}`, viewport, findings);
      await screenshot(app, login, 'login');
    }

    const page = await signedIn.page();
    for (const stop of tour) {
      await page.goto(url(stop.path));
      for (const language of await bothLanguages(page)) {
        await useLanguage(page, language);
        await expectHeading(page, stop.heading(language));
        expect(await documentLanguage(page)).toEqual([language, DIRECTION[language]]);
        await inspect(page, `${stop.name === 'admin-user' ? '/admin/users/:id' : stop.path} ${language} ${device}`, viewport, findings);
        await screenshot(app, page, stop.name);
      }
    }

    // Console errors and the like join the findings, so one failure message tells everything.
    const all = [...findings.lines, ...signedIn.watcher.takeProblems(), ...signedOut.watcher.takeProblems(), ...describeAxe(findings.axe)];
    expect(all, `\n${all.join('\n')}\n`).toEqual([]);
  });
});
