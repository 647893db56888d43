import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { AppError } from '../errors/app-error.ts';
import { SANAD_VERSION } from '../version.ts';
import { installAuthentication } from './authentication.ts';
import { installErrorHandling, sendFrameworkError } from './error-handler.ts';
import { installTextGuard } from './text-guard.ts';
import { installWebApp, webAppFallback } from './web-app.ts';
import { auditRoutes } from './routes/audit-events.ts';
import { authRoutes } from './routes/auth.ts';
import { healthRoutes } from './routes/health.ts';
import { jobRoutes } from './routes/jobs.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { userRoutes } from './routes/users.ts';

export const BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  logger?: Logger;
  trustProxy?: boolean;
  /** The built web app to serve at `/` (dist/web); without it `/` points to the API documentation. */
  webDir?: string | null;
}

/** The HTTP application: routes parse, authorise, call one domain function and present (STYLE §1). */
export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // Our own onRequest hook answers SHUTTING_DOWN in the API's error shape instead.
    return503OnClosing: false,
    frameworkErrors: sendFrameworkError,
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Sanad API',
        version: SANAD_VERSION,
        description:
          'JSON over HTTP. Sign in with POST /api/v1/auth/login (session cookie + X-CSRF-Token on changes) or use ' +
          '`Authorization: Bearer <token>`. Errors are `{ "error": { "code", "message", "details" } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sanad_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI's own policy blocks the inline styles it applies, and its upgrade-insecure-requests turns
    // every asset into https, so over plain HTTP on an office network (HOST=0.0.0.0) the page stays blank.
    transformStaticCSP: (header) =>
      header.replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'").replace(/\s*upgrade-insecure-requests;?/, ''),
  });

  installErrorHandling(app, { pageFallback: webAppFallback(options.webDir ?? null) });
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async () => {
    if (closing) throw new AppError('SHUTTING_DOWN');
  });
  installTextGuard(app);
  installAuthentication(app);

  await app.register(healthRoutes);
  await installWebApp(app, options.webDir ?? null);
  await app.register(authRoutes);
  await app.register(organisationRoutes);
  await app.register(userRoutes);
  await app.register(tokenRoutes);
  await app.register(auditRoutes);
  await app.register(jobRoutes);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
  return app;
}
