import { HOUR, MINUTE } from '../../core/clock.ts';

/** Session and sign-in limits (issue 2): change them here, tests read the same constants. */
export const SESSION_IDLE_TIMEOUT_MS = 60 * MINUTE;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * HOUR;
/** last_seen_at is written at most this often, so reads do not turn into writes. */
export const SESSION_TOUCH_INTERVAL_MS = MINUTE;

export const LOCKOUT_WINDOW_MS = 15 * MINUTE;
export const LOCKOUT_THRESHOLD = 6;
/** Failures before the progressive delay starts; then 1 s, 2 s, 4 s… between attempts. */
export const DELAY_AFTER_FAILURES = 2;

export function requiredDelayMs(failuresInWindow: number): number {
  if (failuresInWindow < DELAY_AFTER_FAILURES) return 0;
  return 1000 * 2 ** (failuresInWindow - DELAY_AFTER_FAILURES);
}

/** Per-IP limit on the authentication endpoints. */
export const AUTH_RATE_LIMIT = { requests: 30, windowMs: MINUTE };

export const SESSION_COOKIE = 'sanad_session';
export const CSRF_COOKIE = 'sanad_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** A pending TOTP enrolment must be confirmed with a first code within this time, or started again. */
export const TOTP_ENROLMENT_TTL_MS = 30 * MINUTE;
/** Recovery codes issued at once (each works one time, for a lost phone). */
export const RECOVERY_CODE_COUNT = 10;
