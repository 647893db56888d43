import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The cookie the server sets beside the session; cookie-authenticated changes echo it (double submit). */
const CSRF_COOKIE = 'sanad_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** An API error: the stable `code` is what the UI translates (locale namespace `errors`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  return document.cookie
    .split('; ')
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length);
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (SAFE_METHODS.has(request.method)) return undefined;
    const token = readCookie(CSRF_COOKIE);
    if (token) request.headers.set('X-CSRF-Token', decodeURIComponent(token));
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Unwraps an openapi-fetch result: the typed body, or an ApiError carrying the server's error code.
 * A network failure (offline, server down) becomes the code NETWORK_ERROR.
 */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : String(cause));
  }
  if (result.response.ok) return result.data as T;
  const body = result.error as { error?: { code?: string; message?: string; details?: unknown } } | undefined;
  const error = body?.error;
  throw new ApiError(result.response.status, error?.code ?? 'INTERNAL_ERROR', error?.message ?? result.response.statusText, error?.details);
}

export type Schemas = paths;
