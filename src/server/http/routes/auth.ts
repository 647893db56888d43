import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginBody, LoginResponse, MeUpdate, MeView, PasswordChange, SwitchOrganisation } from '../../../core/schemas/me.ts';
import { authenticateSession } from '../../auth/authenticate.ts';
import { changeOwnPassword } from '../../auth/change-password.ts';
import { login } from '../../auth/login.ts';
import { logout } from '../../auth/logout.ts';
import { AUTH_RATE_LIMIT, CSRF_COOKIE, SESSION_ABSOLUTE_TIMEOUT_MS, SESSION_COOKIE } from '../../auth/policy.ts';
import { switchOrganisation } from '../../auth/switch-organisation.ts';
import { updateOwnProfile } from '../../domain/users/update-own-profile.ts';
import { AppError } from '../../errors/app-error.ts';
import { clock } from '../../services.ts';
import { actorOf } from '../authentication.ts';
import { presentMe } from '../present-me.ts';
import { RateLimiter } from '../rate-limit.ts';
import { errors } from '../route-schemas.ts';
import { totpRoutes } from './totp.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const limiter = new RateLimiter(AUTH_RATE_LIMIT.requests, AUTH_RATE_LIMIT.windowMs, clock);
  // The per-IP limit covers the authentication endpoints only (DESIGN §4).
  const rateLimited = async (request: FastifyRequest) => {
    const wait = limiter.hit(request.ip);
    if (wait > 0) throw new AppError('RATE_LIMITED', { headers: { 'retry-after': String(wait) } });
  };

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      onRequest: rateLimited,
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        description:
          'With a second factor, a right password without `totp` or `recoveryCode` answers 401 TOTP_REQUIRED; ' +
          'a wrong code answers 401 TOTP_INVALID and counts as a failed sign-in.',
        body: LoginBody,
        response: { 200: LoginResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { email, password, totp, recoveryCode } = request.body;
      const result = await login({ email, password, totp, recoveryCode, ip: request.ip });
      setSessionCookies(request, reply, result.sessionToken, result.csrfToken);
      const auth = await authenticateSession(result.sessionToken, request.ip);
      return { ...(await presentMe(auth)), csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'password-change' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await logout(actorOf(request));
      clearSessionCookies(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { access: 'password-change' },
      onRequest: rateLimited,
      schema: { tags: ['auth'], summary: 'Change your own password (ends your other sessions)', body: PasswordChange, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await changeOwnPassword(actorOf(request), request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    { config: { access: 'password-change' }, schema: { tags: ['auth'], summary: 'The signed-in user and active organisation', response: { 200: MeView, ...errors } } },
    async (request) => presentMe(request.auth!),
  );

  app.patch(
    '/api/v1/me',
    { schema: { tags: ['auth'], summary: 'Change your display name or language', body: MeUpdate, response: { 200: MeView, ...errors } } },
    async (request) => {
      await updateOwnProfile({ actor: actorOf(request), input: request.body });
      // The update writes exactly these fields: present them without reading the account again.
      const auth = request.auth!;
      return presentMe({ ...auth, account: { ...auth.account, ...request.body } });
    },
  );

  app.post(
    '/api/v1/me/organisation',
    { schema: { tags: ['auth'], summary: 'Switch the active organisation of this session', body: SwitchOrganisation, response: { 200: MeView, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      await switchOrganisation(actor, request.body.organisationId);
      const cookie = request.cookies[SESSION_COOKIE];
      return presentMe(await authenticateSession(cookie!, request.ip));
    },
  );

  // Registered from here so the second factor's routes share this per-IP budget with login and password.
  await app.register(totpRoutes, { rateLimited });
};

function setSessionCookies(request: FastifyRequest, reply: FastifyReply, session: string, csrf: string): void {
  const secure = request.protocol === 'https';
  const maxAge = Math.floor(SESSION_ABSOLUTE_TIMEOUT_MS / 1000);
  reply.setCookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge });
  // Readable by the web app, which echoes it in X-CSRF-Token (double submit).
  reply.setCookie(CSRF_COOKIE, csrf, { httpOnly: false, sameSite: 'lax', secure, path: '/', maxAge });
}

function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
