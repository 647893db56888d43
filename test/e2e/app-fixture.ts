import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser, PHONE_VIEWPORT, screenshotDir, startServer, type Browser, type RunningServer, type Viewport } from './browser.ts';
import { text, type Language } from './locales.ts';
import { watchContext, type Watcher } from './watch.ts';

/**
 * One test file's world: a server (with the demo data when asked), one Chromium, and watched contexts.
 * Contexts are cheap; the server and the browser are started once per file.
 */
export interface AppFixture {
  server: RunningServer;
  browser: Browser;
  shots: string;
  /** A new isolated, watched context (another person or device). */
  newContext(viewport?: Viewport): Promise<WatchedContext>;
  close(): Promise<void>;
}

export interface WatchedContext {
  context: BrowserContext;
  watcher: Watcher;
  /** The context's page (made on first use, then reused). */
  page(): Promise<Page>;
  close(): Promise<void>;
}

export async function startApp(options: { demo?: boolean } = {}): Promise<AppFixture> {
  const [server, browser] = await Promise.all([startServer(options), launchBrowser()]);
  const shots = screenshotDir();
  return {
    server,
    browser,
    shots,
    async newContext(viewport = PHONE_VIEWPORT) {
      const context = await browser.newContext({ viewport });
      // A step that has not happened within 10 s will not happen: fail with its message instead of waiting 30.
      context.setDefaultTimeout(10_000);
      const watcher = await watchContext(context);
      let page: Page | undefined;
      const watched: WatchedContext = {
        context,
        watcher,
        page: async () => (page ??= await context.newPage()),
        close: () => context.close(),
      };
      return watched;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/** Fails with every console error, page error, CSP violation and unexpected HTTP error the context saw. */
export function expectNoProblems(...contexts: WatchedContext[]): void {
  const problems = contexts.flatMap((c) => c.watcher.takeProblems());
  expect(problems, `the browser reported:\n${problems.join('\n')}`).toEqual([]);
}

/** A full-page screenshot named after the page, language and device, in this run's artifacts folder. */
export async function screenshot(app: AppFixture, page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  const device = width <= PHONE_VIEWPORT.width ? 'phone' : 'desktop';
  // The pointer rests where the last click was: move it off, so no button shows its hover colour.
  await page.mouse.move(0, 0);
  // Fixed headers are drawn where the page is scrolled to: from the top, they sit where a person sees them.
  // Fonts first, so Arabic script is not photographed in a fallback font.
  const language = await page.evaluate(async () => {
    window.scrollTo(0, 0);
    await document.fonts.ready;
    return document.documentElement.lang;
  });
  await page.screenshot({ path: join(app.shots, `${name}-${language}-${device}.png`), fullPage: true });
}

/**
 * The form field whose visible label is the text of `key` (a required field's label ends with "*"); the
 * field itself, not a show/hide button that shares its label.
 */
export function field(page: Page, language: Language, key: string): Locator {
  const label = text(language, key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^\\s*${label}\\s*\\*?\\s*$`)).and(page.locator('input, textarea'));
}

/** The button whose accessible name is the text of `key`. */
export function button(page: Page, language: Language, key: string, values: Record<string, string | number> = {}): Locator {
  return page.getByRole('button', { name: text(language, key, values), exact: true });
}

/** Signs in through the login page as a person does (the email and password step). */
export async function fillLoginForm(page: Page, language: Language, email: string, password: string): Promise<void> {
  await field(page, language, 'auth:login.email').fill(email);
  await field(page, language, 'auth:login.password').fill(password);
  await button(page, language, 'auth:login.submit').click();
}
