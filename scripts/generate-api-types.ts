/**
 * Writes src/web/api/schema.d.ts, the web app's types of the HTTP API, from the OpenAPI document the server
 * generates from its route schemas. `npm run api:types` after changing a route; a unit test fails when the
 * committed file differs from what this produces.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderApiTypes } from '../src/server/http/render-api-types.ts';

const target = fileURLToPath(new URL('../src/web/api/schema.d.ts', import.meta.url));
await writeFile(target, await renderApiTypes());
console.log(`wrote ${target}`);
