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

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number')) {
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
