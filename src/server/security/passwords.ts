import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password hashing with scrypt from node:crypto (no native add-on). The hash string carries its own
 * parameters, so the cost can rise later without invalidating stored hashes.
 * Format: `scrypt$N$r$p$salt$hash` (base64).
 */
const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const r = 8;
  const p = 1;
  const key = await scryptAsync(password, salt, { N: cost, r, p, maxmem: 256 * cost * r });
  return ['scrypt', cost, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const N = Number(n);
  const R = Number(r);
  const key = await scryptAsync(password, Buffer.from(salt, 'base64'), { N, r: R, p: Number(p), maxmem: 256 * N * R });
  const expected = Buffer.from(hash, 'base64');
  return expected.length === key.length && timingSafeEqual(expected, key);
}

/** A hash of a random password: verifying against it costs the same as a real one (no timing oracle). */
export const DUMMY_HASH_PASSWORD = randomBytes(16).toString('hex');

const commonPasswords = new Set(
  (dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()),
);

export const MIN_PASSWORD_LENGTH = 12;

/**
 * Password policy: at least 12 characters, and neither a common password nor a common password padded
 * with digits or symbols ("password2024!"). Returns the reason, or null when acceptable.
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if ([...password].length > 256) return 'must be at most 256 characters long';
  const lower = password.toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (commonPasswords.has(lower) || (core.length >= 4 && commonPasswords.has(core))) {
    return 'is too common: it appears in lists of leaked passwords';
  }
  if (new Set(lower).size <= 2) return 'repeats the same characters';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'must not contain your email address';
  return null;
}

/** A random password that meets the policy, for printing once (CLI, demo, admin resets). */
export function generatePassword(): string {
  // 15 characters from an alphabet without look-alikes; ~87 bits.
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(15);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5, 10).join('')}-${chars.slice(10).join('')}`;
}
