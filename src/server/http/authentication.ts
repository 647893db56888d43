import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticateSession, authenticateToken, csrfMatches, type AuthContext } from '../auth/authenticate.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/policy.ts';
import type { Actor } from '../domain/actor.ts';
import { AppError } from '../errors/app-error.ts';

/**
 * Route access levels: `public` needs nothing; `user` needs a session or token (the default);
 * `password-change` also admits a session whose password must be changed first, or whose organisation
 * requires a second factor it has not enrolled yet; `totp-enrolment` admits the latter only (the password
 * change comes first).
 */
export type AccessLevel = 'public' | 'user' | 'password-change' | 'totp-enrolment';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    access?: AccessLevel;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installAuthentication(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.addHook('preHandler', async (request) => {
    const access = accessOf(request);
    const auth = await resolve(request);
    request.auth = auth;
    if (access === 'public') return;
    if (!auth) throw new AppError('NOT_AUTHENTICATED');
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const presented = request.headers[CSRF_HEADER];
      if (!csrfMatches(typeof presented === 'string' ? presented : undefined, auth.csrfTokenHash)) {
        throw new AppError('CSRF_FAILED');
      }
    }
    if (auth.mustChangePassword && access !== 'password-change') throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (auth.mustEnrolTotp && access !== 'password-change' && access !== 'totp-enrolment') {
      throw new AppError('TOTP_ENROLMENT_REQUIRED');
    }
  });
}

/** Routes under /api/v1 need a user unless they say otherwise; the rest (docs, health, home) are public. */
function accessOf(request: FastifyRequest): AccessLevel {
  return request.routeOptions.config?.access ?? (request.routeOptions.url?.startsWith('/api/v1/') ? 'user' : 'public');
}

async function resolve(request: FastifyRequest): Promise<AuthContext | null> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('TOKEN_INVALID');
    return authenticateToken(match[1]!, request.ip);
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie) {
    try {
      return await authenticateSession(cookie, request.ip);
    } catch (error) {
      // A stale cookie on a public route (e.g. the login form) is simply ignored.
      if (accessOf(request) === 'public') return null;
      throw error;
    }
  }
  return null;
}

/** The authenticated actor of a request; routes with access `user` always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new AppError('NOT_AUTHENTICATED');
  return request.auth.actor;
}
