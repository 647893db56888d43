import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderApiTypes } from '../../src/server/http/render-api-types.ts';

describe('the web client types', () => {
  it('match the OpenAPI document the server generates (run `npm run api:types` after changing a route)', async () => {
    const committed = await readFile(new URL('../../src/web/api/schema.d.ts', import.meta.url), 'utf8');
    const fresh = await renderApiTypes();
    expect(committed === fresh, 'src/web/api/schema.d.ts is stale: run `npm run api:types`').toBe(true);
  }, 60_000);
});
