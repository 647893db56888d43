import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/http/app.ts';

/** The server serves a built web app from a folder; here a tiny fake build stands in for dist/web. */
let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sanad-web-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app-abc.js"></script></body></html>');
  await writeFile(join(dir, 'assets', 'app-abc.js'), 'console.log(1)');
  await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(dir, '.hidden.json'), '{}');
  app = await buildApp({ webDir: dir });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('answers / and the app\'s own page addresses with index.html, never cached stale', async () => {
    for (const url of ['/', '/admin/users', '/admin/users/0190f3a0-0000-7000-8000-000000000000?tab=roles', '/login']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('serves hashed assets as immutable and files at the root', async () => {
    const asset = await app.inject({ url: '/assets/app-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
  });

  it('keeps API errors in the API shape, and a missing file a 404 rather than the page', async () => {
    const api = await app.inject({ url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: 'No such endpoint.' } });
    const missing = await app.inject({ url: '/assets/missing-123.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/json');
    const post = await app.inject({ method: 'POST', url: '/admin/users' });
    expect(post.statusCode).toBe(404);
  });

  it('does not serve dot files', async () => {
    const hidden = await app.inject({ url: '/.hidden.json' });
    expect(hidden.statusCode).toBe(404);
  });

  it('serves files that appear after start-up (a rebuild while the server runs)', async () => {
    await writeFile(join(dir, 'assets', 'app-new.js'), 'console.log(2)');
    const asset = await app.inject({ url: '/assets/app-new.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(2)');
  });
});

describe('without a built web app', () => {
  it('answers / with the page that points to the API documentation', async () => {
    const bare = await buildApp({ webDir: join(dir, 'nothing') });
    try {
      const response = await bare.inject({ url: '/' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('/api/docs');
      expect((await bare.inject({ url: '/admin/users' })).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
