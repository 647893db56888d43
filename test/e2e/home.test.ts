import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoProblems, screenshot, startApp, type AppFixture, type WatchedContext } from './app-fixture.ts';
import { launchBrowser } from './browser.ts';
import { expectHeading, horizontalOverflow } from './checks.ts';
import { shown } from './locales.ts';

/**
 * A person on a phone opens Sanad's address: the web app answers and, nobody being signed in, shows the
 * login page. The API's documentation and health check stay reachable at their own addresses and render
 * under Sanad's Content-Security-Policy.
 */
let app: AppFixture;
let phone: WatchedContext;

beforeAll(async () => {
  app = await startApp();
  phone = await app.newContext();
  console.log(`screenshots in ${app.shots}`);
});
afterAll(async () => {
  await app?.close();
});

describe('the address of Sanad on a phone', () => {
  it('opens the web app, which sends a signed-out visitor to the login page in French', async () => {
    const page = await phone.page();
    const response = await page.goto(`${app.server.url}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    await expectHeading(page, shown('fr', 'auth:login.title'));
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fr', 'ltr']);
    // The three languages are offered before anything else, each in its own language.
    for (const name of ['Français', 'العربية', 'English']) await expect.poll(() => page.getByRole('button', { name }).isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(app, page, 'home-signed-out');
    expectNoProblems(phone);
  });

  it('keeps the page asked for: a deep link leads to the login page with ?next=', async () => {
    const page = await phone.page();
    const response = await page.goto(`${app.server.url}/admin/users`);
    // The server answers an app path with the app itself (SPA fallback), not a 404.
    expect(response?.status()).toBe(200);
    await expectHeading(page, shown('fr', 'auth:login.title'));
    const landed = new URL(page.url());
    expect(landed.pathname).toBe('/login');
    expect(landed.searchParams.get('next')).toBe('/admin/users');
    expectNoProblems(phone);
  });

  it('answers the health check with JSON from the embedded database', async () => {
    const page = await phone.page();
    const response = await page.goto(`${app.server.url}/api/health`);
    expect(response?.status()).toBe(200);
    expect(await response?.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    expectNoProblems(phone);
  });

  it('renders Swagger UI at /api/docs with the Sanad API and its login operation, under its CSP', async () => {
    const page = await phone.page();
    const docs = await page.goto(`${app.server.url}/api/docs`);
    expect(docs?.status()).toBe(200);
    expect(docs?.headers()['content-security-policy']).toBeTruthy();

    const title = page.locator('.swagger-ui .info .title');
    await title.waitFor({ timeout: 30_000 });
    expect(await title.innerText()).toContain('Sanad API');
    const login = page.locator('.opblock-post [data-path="/api/v1/auth/login"]');
    await login.waitFor({ timeout: 30_000 });
    expect(await login.innerText()).toContain('/api/v1/auth/login');
    await page.screenshot({ path: join(app.shots, 'api-docs-phone.png') });

    // Opening the operation shows its request body schema: the spec was fetched and parsed, not just the shell.
    await login.click();
    const opened = page.locator('#operations-auth-post_api_v1_auth_login');
    await expect.poll(() => opened.locator('.opblock-body').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expectNoProblems(phone);
  });
});

describe('from another device on the office network (plain HTTP, not localhost)', () => {
  it('loads the web app and every Swagger UI asset over http instead of upgrading them to https', async () => {
    const office = await launchBrowser({ hostAlias: 'sanad-office.test' });
    try {
      const page = await office.context.newPage();
      const failed: string[] = [];
      const violations: string[] = [];
      page.on('requestfailed', (request) => {
        if (request.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${request.url()} ${request.failure()?.errorText}`);
      });
      page.on('console', (message) => {
        if (/Content Security Policy|CSP violation/.test(message.text())) violations.push(message.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
        });
      });
      const { port } = new URL(app.server.url);
      await page.goto(`http://sanad-office.test:${port}/`);
      await expectHeading(page, shown('fr', 'auth:login.title'));

      await page.goto(`http://sanad-office.test:${port}/api/docs`);
      const title = page.locator('.swagger-ui .info .title');
      await title.waitFor({ timeout: 30_000 });
      expect(await title.innerText()).toContain('Sanad API');
      await page.locator('[data-path="/api/v1/auth/login"]').waitFor({ timeout: 30_000 });
      expect(failed).toEqual([]);
      expect(violations).toEqual([]);
    } finally {
      await office.close();
    }
  });
});
