import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { NotFoundFallback } from './error-handler.ts';
import { homeRoutes } from './routes/home.ts';

/** Hashed asset names never change content: browsers may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app (dist/web) at `/`: files as they are, and index.html for any other GET outside
 * /api so that the app's own routes (/admin/users, …) work on reload. Without a build (the in-process
 * tests), `/` keeps the small page that points to the API documentation.
 */
export async function installWebApp(app: FastifyInstance, webDir: string | null): Promise<void> {
  if (!webDir || !existsSync(join(webDir, 'index.html'))) {
    await app.register(homeRoutes);
    return;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    // Files are looked up per request (not listed at start-up), so a rebuild (`sanad build-web`) while the
    // server runs serves the new assets instead of 404s for their new names.
    wildcard: true,
    index: false,
    serveDotFiles: false,
    dotfiles: 'ignore',
    cacheControl: false,
    setHeaders(reply, path) {
      void reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : 'no-cache');
    },
  });
  app.get('/', { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html'),
  );
}

/** index.html for a page address of the app: a GET outside /api that does not name a file. */
export function webAppFallback(webDir: string | null): NotFoundFallback | undefined {
  if (!webDir || !existsSync(join(webDir, 'index.html'))) return undefined;
  return (request, reply) => {
    const path = request.url.split('?')[0]!;
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !/^\/api(\/|$)/.test(path) && !/\.[a-z0-9]+$/i.test(path);
    if (!isPage) return false;
    void reply.header('cache-control', 'no-cache').sendFile('index.html');
    return true;
  };
}
