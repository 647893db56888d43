import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.ts';

/**
 * Text PostgreSQL cannot store: U+0000 ("invalid byte sequence for encoding UTF8: 0x00") and lone UTF-16
 * surrogates (`"\ud800"` is valid JSON but not Unicode: jsonb refuses it, text silently turns it into
 * U+FFFD). JSON bodies and query strings can carry both; refusing them once, before validation, turns what
 * would be a database error and a 500 into a 400 naming the field, for every route present and future
 * (both found by the fuzz test). Importers of files should apply `findUnstorableText` too.
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const parts = { body: request.body, querystring: request.query, params: request.params };
    for (const [part, value] of Object.entries(parts)) {
      const path = findUnstorableText(value);
      if (path) {
        throw new AppError('VALIDATION_FAILED', {
          details: [{ path: [part, ...path].join('.'), message: 'Text may not contain NUL (U+0000) or unpaired surrogates.' }],
        });
      }
    }
  });
}

// Matching NUL is the point here, hence the control character.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface Visit {
  value: unknown;
  key: string | null;
  parent: Visit | null;
}

/**
 * The path to the first string or object key that PostgreSQL cannot store, or null. Iterative: a 1 MB body
 * may nest far deeper than the call stack allows.
 */
export function findUnstorableText(root: unknown): string[] | null {
  const stack: Visit[] = [{ value: root, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) return pathOf(visit);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (UNSTORABLE.test(key)) return pathOf({ value: child, key, parent: visit });
        stack.push({ value: child, key, parent: visit });
      }
    }
  }
  return null;
}

function pathOf(visit: Visit): string[] {
  const path: string[] = [];
  for (let v: Visit | null = visit; v && v.key !== null; v = v.parent) path.push(v.key);
  return path.reverse();
}
