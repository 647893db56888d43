import type { BrowserContext, Page, Response } from 'playwright-core';

/**
 * Watches every page of a browser context for what a person would not notice but a test must: console
 * errors, uncaught page errors, Content-Security-Policy violations, failed requests and unexpected HTTP
 * errors. `takeProblems()` returns them and starts over; each test asserts the list is empty.
 *
 * Chromium logs every HTTP error answer as a console error ("Failed to load resource: … 401"). Those are
 * judged from the responses instead: an API refusal the test provokes on purpose (a wrong code, the session
 * check of a signed-out visitor) is declared with `expectHttp`, anything else fails the test.
 */
export interface Watcher {
  /** Allows HTTP error answers like "401 POST /api/v1/auth/login" (or "401 *") until the next `takeProblems()`. */
  expectHttp(...patterns: string[]): void;
  /** The problems seen since the last call, as readable lines. */
  takeProblems(): string[];
}

/** Always fine: the app asks who is signed in, and the answer for a visitor is 401. */
const ALWAYS_EXPECTED = ['401 GET /api/v1/me'];

export async function watchContext(context: BrowserContext): Promise<Watcher> {
  let problems: string[] = [];
  let expected: string[] = [];
  // A pattern matches the line exactly, with any query string, or up to a trailing "*".
  const matches = (line: string, pattern: string) =>
    pattern.endsWith('*') ? line.startsWith(pattern.slice(0, -1)) : line === pattern || line.startsWith(`${pattern}?`);
  const allowed = (line: string) => [...ALWAYS_EXPECTED, ...expected].some((pattern) => matches(line, pattern));

  // CSP violations also show as console errors; this listener names the directive and the blocked URL.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });

  const onResponse = (response: Response) => {
    if (response.status() < 400) return;
    const url = new URL(response.url());
    const line = `${response.status()} ${response.request().method()} ${url.pathname}${url.search}`;
    if (!allowed(line)) problems.push(`HTTP ${line}`);
  };
  const attach = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Judged from the response itself (above), where expected refusals can be told apart.
      if (/^Failed to load resource: the server responded with a status of \d+/.test(message.text())) return;
      problems.push(`console on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
    page.on('response', onResponse);
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? 'failed';
      // A navigation cancels the requests of the page it leaves; that is not a fault of the app.
      if (reason === 'net::ERR_ABORTED') return;
      problems.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
    });
  };
  context.pages().forEach(attach);
  context.on('page', attach);

  return {
    expectHttp: (...patterns) => expected.push(...patterns),
    takeProblems() {
      const seen = problems;
      problems = [];
      expected = [];
      return seen;
    },
  };
}
