import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { SqlRunner } from '../db/client.ts';
import { RECOVERY_CODE_COUNT } from './policy.ts';

/**
 * One-time recovery codes for a lost authenticator: `xxxx-xxxx-xxxx` in Crockford's base32 (no i, l, o,
 * u, so nothing reads as something else), 60 random bits each. Only their SHA-256 is stored (the codes
 * are random, so no salt or slow hash is needed); a used code is marked, never accepted again.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const GROUPS = 3;
const GROUP_LENGTH = 4;

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    // 32 symbols: each byte's low five bits pick one without bias.
    const symbols = [...randomBytes(GROUPS * GROUP_LENGTH)].map((b) => ALPHABET[b & 31]!).join('');
    return symbols.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');
  });
}

/** What people type: any case, with or without hyphens or spaces, and the look-alikes Crockford maps. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '').replace(/[il]/g, '1').replace(/o/g, '0');
}

export function hashRecoveryCode(code: string): Buffer {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest();
}

/** Replaces every code of an account (used ones included) with new ones. */
export async function replaceRecoveryCodes(db: SqlRunner, accountId: string, codes: string[], at: Date): Promise<void> {
  await deleteRecoveryCodes(db, accountId);
  const params: unknown[] = [accountId, at];
  const rows = codes.map((code) => {
    params.push(uuidv7(), hashRecoveryCode(code));
    return `($${params.length - 1}, $1, $${params.length}, $2)`;
  });
  await db.query(`insert into recovery_codes (id, account_id, code_hash, created_at) values ${rows.join(', ')}`, params);
}

export async function deleteRecoveryCodes(db: SqlRunner, accountId: string): Promise<void> {
  await db.query('delete from recovery_codes where account_id = $1', [accountId]);
}

export async function countUnusedRecoveryCodes(db: SqlRunner, accountId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'select count(*)::int8 as n from recovery_codes where account_id = $1 and used_at is null',
    [accountId],
  );
  return row!.n;
}

/**
 * Uses up the matching unused code and returns how many remain, or null when none matched. Every unused
 * code is compared in constant time, so the time taken does not tell how close a guess was; the update
 * is conditional, so two concurrent sign-ins cannot both use one code.
 */
export async function consumeRecoveryCode(db: SqlRunner, accountId: string, presented: string, at: Date): Promise<number | null> {
  const rows = await db.query<{ id: string; codeHash: Uint8Array }>(
    'select id, code_hash as "codeHash" from recovery_codes where account_id = $1 and used_at is null',
    [accountId],
  );
  const hash = hashRecoveryCode(presented);
  let matchedId: string | null = null;
  for (const row of rows) {
    if (timingSafeEqual(hash, Buffer.from(row.codeHash)) && matchedId === null) matchedId = row.id;
  }
  if (!matchedId) return null;
  const used = await db.query('update recovery_codes set used_at = $2 where id = $1 and used_at is null returning id', [matchedId, at]);
  return used.length ? rows.length - 1 : null;
}
