import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SANAD_VERSION } from '../../version.ts';

/** Until the web app exists, `/` says the API is up and links to its documentation. */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sanad</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
<h1>Sanad <span lang="ar" dir="rtl">سند</span></h1>
<p>The Sanad API ${SANAD_VERSION} is running. The web app comes next.</p>
<ul><li><a href="/api/docs">API documentation</a></li><li><a href="/api/health">Health</a></li></ul>
</body></html>`),
  );
  // No icon yet: answer browsers' automatic /favicon.ico request without an error in their console.
  app.get('/favicon.ico', { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) =>
    reply.code(204).send(),
  );
};
