import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CurrentPassword, RecoveryCodesView, TotpCode, TotpEnrolmentView } from '../../../core/schemas/me.ts';
import { regenerateRecoveryCodes } from '../../auth/recovery-codes-regenerate.ts';
import { disableTotp } from '../../auth/totp-disable.ts';
import { enableTotp } from '../../auth/totp-enable.ts';
import { startTotpEnrolment } from '../../auth/totp-enrolment.ts';
import { actorOf } from '../authentication.ts';
import { errors } from '../route-schemas.ts';

export interface TotpRouteOptions {
  /** The per-IP limit of the authentication endpoints (routes/auth.ts), one budget for all of them. */
  rateLimited: (request: FastifyRequest) => Promise<void>;
}

/**
 * The signed-in user's own second factor (sessions only). Set-up is two steps: `enrolment` makes a secret
 * and its QR code, then the first code from the app turns it on and returns the recovery codes.
 */
export const totpRoutes: FastifyPluginAsyncZod<TotpRouteOptions> = async (app, { rateLimited }) => {
  app.post(
    '/api/v1/me/totp/enrolment',
    {
      // Reachable while the organisation's requirement blocks everything else.
      config: { access: 'totp-enrolment' },
      onRequest: rateLimited,
      schema: {
        tags: ['auth'],
        summary: 'Start setting up an authenticator app: a new secret and its QR code (replaces a pending one)',
        response: { 200: TotpEnrolmentView, ...errors },
      },
    },
    async (request) => startTotpEnrolment(actorOf(request)),
  );

  app.post(
    '/api/v1/me/totp',
    {
      config: { access: 'totp-enrolment' },
      onRequest: rateLimited,
      schema: {
        tags: ['auth'],
        summary: 'Turn the second factor on with the first code of the app; returns the recovery codes once',
        body: TotpCode,
        response: { 200: RecoveryCodesView, ...errors },
      },
    },
    async (request) => enableTotp(actorOf(request), request.body.code),
  );

  app.post(
    '/api/v1/me/totp/disable',
    {
      onRequest: rateLimited,
      schema: {
        tags: ['auth'],
        summary: 'Turn your second factor off (not while an organisation of yours requires it)',
        body: CurrentPassword,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await disableTotp(actorOf(request), request.body.currentPassword);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/totp/recovery-codes',
    {
      onRequest: rateLimited,
      schema: {
        tags: ['auth'],
        summary: 'Replace all your recovery codes with ten new ones, shown once',
        body: CurrentPassword,
        response: { 200: RecoveryCodesView, ...errors },
      },
    },
    async (request) => regenerateRecoveryCodes(actorOf(request), request.body.currentPassword),
  );
};
