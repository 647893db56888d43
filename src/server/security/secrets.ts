import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or an API token, with a recognisable prefix for secret scanners. */
export function newSecret(prefix: 'sess' | 'csrf' | 'sanad'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored only as their SHA-256 (they are random, so no salt or slow hash is needed). */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
