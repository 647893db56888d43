import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PHONE_VIEWPORT, screenshotDir, startServer, type Browser, type RunningServer } from './browser.ts';

/**
 * A person on a phone opens Sanad before the web app exists: the home page says the API runs and leads to
 * the API documentation, which must render under Sanad's Content-Security-Policy.
 */
let server: RunningServer;
let browser: Browser;
let shots: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  shots = screenshotDir();
  console.log(`screenshots in ${shots}`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Console errors, uncaught page errors and CSP violations of one page, collected as they happen. */
async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return { page, problems };
}

const horizontalOverflow = (page: Page) =>
  page.evaluate((width) => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - width, PHONE_VIEWPORT.width);

describe('home page on a phone', () => {
  it('says the API is running, links to the docs and health, and does not scroll sideways', async () => {
    const { page, problems } = await watchedPage();
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    await expect.poll(() => page.locator('h1').textContent()).toContain('Sanad');
    expect(await page.locator('body').innerText()).toMatch(/The Sanad API \S+ is running/);
    expect(await page.locator('a', { hasText: 'API documentation' }).getAttribute('href')).toBe('/api/docs');
    expect(await page.locator('a', { hasText: 'Health' }).getAttribute('href')).toBe('/api/health');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.screenshot({ path: join(shots, 'home-360.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follows the health link to a JSON answer from the embedded database', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${server.url}/`);
    const [response] = await Promise.all([page.waitForResponse('**/api/health'), page.locator('a', { hasText: 'Health' }).click()]);
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follows the link to Swagger UI, which renders the Sanad API and its login operation under the CSP', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${server.url}/`);
    const [docs] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/docs') && r.request().resourceType() === 'document'),
      page.locator('a', { hasText: 'API documentation' }).click(),
    ]);
    expect(docs.status()).toBe(200);
    expect(docs.headers()['content-security-policy']).toBeTruthy();

    const title = page.locator('.swagger-ui .info .title');
    await title.waitFor({ timeout: 30_000 });
    expect(await title.innerText()).toContain('Sanad API');
    const login = page.locator('.opblock-post [data-path="/api/v1/auth/login"]');
    await login.waitFor({ timeout: 30_000 });
    expect(await login.innerText()).toContain('/api/v1/auth/login');
    await page.screenshot({ path: join(shots, 'docs-360.png') });

    // Opening the operation shows its request body schema: the spec was fetched and parsed, not just the shell.
    await login.click();
    const opened = page.locator('#operations-auth-post_api_v1_auth_login');
    await expect.poll(() => opened.locator('.opblock-body').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await opened.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'docs-login-open-360.png') });

    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('API docs from another device on the office network (plain HTTP, not localhost)', () => {
  it('loads every Swagger UI asset over http instead of upgrading it to https', async () => {
    const office = await launchBrowser({ hostAlias: 'sanad-office.test' });
    try {
      const page = await office.context.newPage();
      const failed: string[] = [];
      const violations: string[] = [];
      page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
      page.on('console', (message) => {
        if (/Content Security Policy|CSP violation/.test(message.text())) violations.push(message.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
        });
      });
      const { port } = new URL(server.url);
      await page.goto(`http://sanad-office.test:${port}/api/docs`);
      const title = page.locator('.swagger-ui .info .title');
      await title.waitFor({ timeout: 30_000 });
      expect(await title.innerText()).toContain('Sanad API');
      await page.locator('[data-path="/api/v1/auth/login"]').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(shots, 'docs-office-network-360.png') });
      expect(failed).toEqual([]);
      expect(violations).toEqual([]);
    } finally {
      await office.close();
    }
  });
});
