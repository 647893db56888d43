import { LOGIN_PATH } from '../../app/SessionGate';

/**
 * Where to go after signing in: the `?next=` path when it stays on this site, otherwise the home page.
 * Only paths starting with a single "/" are taken, and the resolved address must keep this origin, so
 * "//evil.example", "/\evil.example" or "javascript:" can never send a freshly signed-in user elsewhere.
 */
export function safeNextPath(next: string | null, origin: string = window.location.origin): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin || url.pathname === LOGIN_PATH) return '/';
  return url.pathname + url.search + url.hash;
}
