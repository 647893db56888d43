import { fileURLToPath } from 'node:url';

/** The package root: the web sources, the Vite config and the built app are found from here. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB_SOURCE_DIRS = ['src/web', 'src/core'];
export const WEB_BUILD_INPUTS = ['vite.config.ts', 'package-lock.json'];
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../dist/web/', import.meta.url));
export const BUILD_STAMP_FILE = 'web-build.json';
/** The initial JavaScript budget (issue 3): what a phone downloads before the first page shows. */
export const INITIAL_JS_BUDGET_BYTES = 250 * 1024;
