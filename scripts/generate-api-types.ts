/**
 * Writes the web app's types of the HTTP API (src/web/api/schema.d.ts and src/web/api/schema/*.d.ts, one
 * per resource) from the OpenAPI document the server generates from its route schemas. `npm run
 * api:types` after changing a route; a unit test fails when the committed files differ from these.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderApiTypes } from '../src/server/http/render-api-types.ts';

const apiDir = fileURLToPath(new URL('../src/web/api/', import.meta.url));
const files = await renderApiTypes();
// Files of resources that no longer exist are removed.
for (const old of await readdir(join(apiDir, 'schema')).catch(() => [])) {
  if (!files.has(`schema/${old}`)) await rm(join(apiDir, 'schema', old));
}
for (const [name, text] of files) {
  await mkdir(dirname(join(apiDir, name)), { recursive: true });
  await writeFile(join(apiDir, name), text);
}
console.log(`wrote ${files.size} files under ${apiDir}`);
