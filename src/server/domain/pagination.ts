import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';

/** List paging (DESIGN §4): `limit` defaults to 50 and is clamped at 500; cursors are opaque. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export const ListQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .transform((v) => Math.min(v ?? DEFAULT_LIMIT, MAX_LIMIT))
    .describe(`Page size; default ${DEFAULT_LIMIT}, values above ${MAX_LIMIT} are clamped.`),
  cursor: z.string().max(500).optional().describe('The nextCursor of the previous page.'),
});
export type ListQuery = z.infer<typeof ListQuery>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset cursors: the sort key of the last row, base64url-encoded JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What each position of a cursor key holds. Checked on decode, so a forged cursor (`["x"]` where a seq or
 * a uuid belongs) is a 400 on the cursor, never a database error and a 500.
 */
export type CursorPart = 'string' | 'uuid' | 'int';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fits(value: unknown, part: CursorPart | undefined): boolean {
  // PostgreSQL text cannot hold NUL.
  if (typeof value === 'string' && value.includes('\u0000')) return false;
  if (part === 'int') return Number.isSafeInteger(value);
  if (part === 'uuid') return typeof value === 'string' && UUID.test(value);
  if (part === 'string') return typeof value === 'string';
  return typeof value === 'string' || typeof value === 'number';
}

/** Decodes a cursor of `shape` (its parts, or only their count); null for the first page. */
export function decodeCursor(cursor: string | undefined, shape: number | readonly CursorPart[]): (string | number)[] | null {
  if (!cursor) return null;
  const parts = typeof shape === 'number' ? null : shape;
  const arity = parts ? parts.length : shape;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k, i) => fits(k, parts?.[i]))) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', { details: [{ path: 'cursor', message: 'Unknown cursor.' }] });
}

/** Builds a page from `limit + 1` fetched rows. */
export function pageOf<R, T>(rows: R[], limit: number, present: (r: R) => T, key: (r: R) => (string | number)[]): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { items: kept.map(present), nextCursor: more ? encodeCursor(key(kept.at(-1)!)) : null };
}
