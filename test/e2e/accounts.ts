import { randomBytes } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import type { RunningServer } from './browser.ts';

/**
 * Accounts for the browser tests, set up through the HTTP API where the web page for that step is not what
 * a test is about (the forced password change has its own test through the page): fast, and the same
 * requests the web app sends.
 */

/** A password the server's policy accepts (long, random, unrelated to the email). */
export function newPassword(): string {
  return `e2e ${randomBytes(9).toString('base64url')} passphrase`;
}

interface ApiSession {
  cookie: string;
  csrf: string;
}

async function apiLogin(url: string, email: string, password: string): Promise<ApiSession> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status !== 200) throw new Error(`signing in ${email} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';', 1)[0]!)
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/** Sends one cookie-authenticated JSON request (with the CSRF header), as the web app does. */
async function apiSend(url: string, session: ApiSession, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
}

/**
 * Replaces a printed (demo or administrator-set) password with a new one, as the forced password change
 * does, and optionally sets the account's language. Returns the new password.
 */
export async function claimAccount(server: RunningServer, email: string, options: { password?: string; locale?: 'fr' | 'ar' | 'en' } = {}): Promise<string> {
  const printed = options.password ?? server.passwordOf(email);
  const chosen = newPassword();
  const session = await apiLogin(server.url, email, printed);
  const changed = await apiSend(server.url, session, 'POST', '/api/v1/auth/password', { currentPassword: printed, newPassword: chosen });
  if (changed.status !== 204) throw new Error(`changing the password of ${email} answered ${changed.status}: ${await changed.text()}`);
  // The change keeps this session (it ends only the others), now free of the forced change.
  if (options.locale) {
    const updated = await apiSend(server.url, session, 'PATCH', '/api/v1/me', { locale: options.locale });
    if (updated.status !== 200) throw new Error(`setting the language of ${email} answered ${updated.status}: ${await updated.text()}`);
  }
  await apiSend(server.url, session, 'POST', '/api/v1/auth/logout');
  return chosen;
}

/**
 * Signs a browser context in through the API: the session cookies land in the context's cookie jar, so its
 * pages open signed in (the login page itself is tested apart).
 */
export async function signInContext(context: BrowserContext, url: string, email: string, password: string): Promise<void> {
  const response = await context.request.post(`${url}/api/v1/auth/login`, { data: { email, password } });
  if (response.status() !== 200) throw new Error(`signing in ${email} answered ${response.status()}: ${await response.text()}`);
}
