import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderApiTypes, resourceOf } from '../../src/server/http/render-api-types.ts';

const API_DIR = new URL('../../src/web/api/', import.meta.url);

describe('the web client types', () => {
  it('match the OpenAPI document the server generates (run `npm run api:types` after changing a route)', async () => {
    const fresh = await renderApiTypes();
    const committed = new Map<string, string>();
    committed.set('schema.d.ts', await readFile(new URL('schema.d.ts', API_DIR), 'utf8'));
    for (const name of await readdir(new URL('schema/', API_DIR))) committed.set(`schema/${name}`, await readFile(new URL(`schema/${name}`, API_DIR), 'utf8'));
    expect([...committed.keys()].sort(), 'the type files: run `npm run api:types`').toEqual([...fresh.keys()].sort());
    for (const [name, text] of fresh) expect(committed.get(name) === text, `src/web/api/${name} is stale: run \`npm run api:types\``).toBe(true);
  }, 60_000);

  it('file paths by resource', () => {
    expect(resourceOf('/api/v1/users/{id}/totp/reset')).toBe('users-totp');
    expect(resourceOf('/api/v1/users/{id}')).toBe('users');
    expect(resourceOf('/api/v1/me')).toBe('me');
    expect(resourceOf('/api/health')).toBe('health');
  });
});
