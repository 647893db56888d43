/** What an authenticator app shows: six digits (SHA1, 30 s — the server's settings). */
export const TOTP_CODE_PATTERN = /^\d{6}$/;

/**
 * The code as typed, ready to send: apps show "123 456" and phones paste with spaces or dashes; Arabic
 * keyboards may type Arabic-Indic digits (٠١٢…), which become ASCII digits here.
 */
export function normaliseTotpCode(typed: string): string {
  return typed
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[\s-]/g, '');
}

/** A secret in groups of four, easier to read aloud and to type by hand into an app. */
export function groupSecret(secret: string): string[] {
  return secret.match(/.{1,4}/g) ?? [];
}
