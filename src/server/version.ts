import { readFileSync } from 'node:fs';

/** Sanad's version, from package.json. */
export const SANAD_VERSION: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;
