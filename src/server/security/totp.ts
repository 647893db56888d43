import { timingSafeEqual } from 'node:crypto';
import { HOTP, Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/**
 * Time-based one-time passwords (RFC 6238) with the parameters every authenticator app accepts: SHA-1,
 * 6 digits, 30-second steps. The secret is kept as base32 (what the apps show and what otpauth reads);
 * callers store it only encrypted (keyring).
 */
export const TOTP_ISSUER = 'Sanad';
export const TOTP_ALGORITHM = 'SHA1';
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** Steps accepted on either side of the current one, for clock drift and typing time. */
export const TOTP_WINDOW = 1;
/** 160 bits, the size RFC 4226 recommends for HMAC-SHA1. */
const SECRET_BYTES = 20;

/** A fresh random secret, base32-encoded. */
export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The `otpauth://` URI authenticator apps scan; the label is the account's email. */
export function totpUri(secret: string, label: string): string {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  }).toString();
}

/** The QR code of a URI as an SVG document, made on the server so the browser bundle needs no QR library. */
export function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The time step (counter) an instant falls in. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of one step; tests and the enrolment helper use it, the server only compares. */
export function totpCode(secret: string, step: number): string {
  return HOTP.generate({ secret: Secret.fromBase32(secret), algorithm: TOTP_ALGORITHM, digits: TOTP_DIGITS, counter: step });
}

/**
 * Checks a code against the steps around `at` and returns the step it matched, or null. A step at or
 * before `usedStep` never matches: a code, once accepted, cannot be replayed, nor can an older one.
 * Every step of the window is computed and compared in constant time, whatever matched, so the time taken
 * does not tell which step (if any) was right.
 */
export function matchTotp(code: string, secret: string, at: Date, usedStep: number | null): number | null {
  const presented = Buffer.from(normaliseTotpCode(code));
  const current = totpStep(at);
  let matched: number | null = null;
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    const expected = Buffer.from(totpCode(secret, step));
    const equal = presented.length === expected.length && timingSafeEqual(presented, expected);
    if (equal && (usedStep === null || step > usedStep) && matched === null) matched = step;
  }
  return matched;
}

/** Some apps display codes as "123 456"; people type them that way, so spaces and hyphens are dropped. */
function normaliseTotpCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}
