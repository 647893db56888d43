import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BUILD_STAMP_FILE, PACKAGE_ROOT, WEB_BUILD_INPUTS, WEB_DIST_DIR, WEB_SOURCE_DIRS } from './paths.ts';
import { withBuildLock } from './build-lock.ts';
import { webFingerprint } from './web-fingerprint.ts';

export interface BuildStamp {
  fingerprint: string;
  builtAt: string;
}

export type WebBuildOutcome =
  | { status: 'fresh' }
  | { status: 'built'; ms: number }
  | { status: 'prebuilt' }
  | { status: 'missing' };

/** The stamp sits beside the build, not in it, so the server never serves it as a file. */
function stampPath(distDir: string): string {
  return join(dirname(distDir.replace(/\/$/, '')), BUILD_STAMP_FILE);
}

async function readStamp(distDir: string): Promise<BuildStamp | null> {
  try {
    return JSON.parse(await readFile(stampPath(distDir), 'utf8')) as BuildStamp;
  } catch {
    return null;
  }
}

/**
 * Builds the web app with Vite into a fresh folder and swaps it in, so a server never serves a half-written
 * build and a failed build leaves the previous one in place.
 */
async function buildInto(distDir: string, fingerprint: string): Promise<void> {
  const { build } = await import('vite');
  const staging = `${distDir.replace(/\/$/, '')}.staging-${process.pid}`;
  const retired = `${distDir.replace(/\/$/, '')}.old-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await build({
    configFile: join(PACKAGE_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: staging, emptyOutDir: true },
  });
  await mkdir(dirname(distDir.replace(/\/$/, '')), { recursive: true });
  await rename(distDir, retired).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(staging, distDir);
  await rm(retired, { recursive: true, force: true });
  // Written last: a build interrupted before this point is rebuilt at the next start.
  const stamp: BuildStamp = { fingerprint, builtAt: new Date().toISOString() };
  await writeFile(stampPath(distDir), `${JSON.stringify(stamp, null, 2)}\n`);
}

/**
 * `sanad serve` calls this first: when the web app's sources (src/web, src/core, the Vite config, the lock
 * file) differ from those of the last build, it rebuilds. An installation without sources (only dist/web)
 * serves what it has. `force` rebuilds anyway (`sanad build-web`).
 */
export async function ensureWebBuild(
  options: { force?: boolean; distDir?: string; onBuildStart?: (reason: string) => void } = {},
): Promise<WebBuildOutcome> {
  const distDir = options.distDir ?? WEB_DIST_DIR;
  const fingerprint = await webFingerprint(PACKAGE_ROOT, WEB_SOURCE_DIRS, WEB_BUILD_INPUTS);
  if (!fingerprint) return existsSync(join(distDir, 'index.html')) ? { status: 'prebuilt' } : { status: 'missing' };
  const isFresh = async () => !options.force && (await readStamp(distDir))?.fingerprint === fingerprint;
  if (await isFresh()) return { status: 'fresh' };
  // Several servers may start at once from one checkout (tests do): one builds, the others wait for it.
  return withBuildLock(distDir, async () => {
    if (await isFresh()) return { status: 'fresh' };
    const previous = await readStamp(distDir);
    options.onBuildStart?.(options.force ? 'requested' : previous ? 'sources changed' : 'first run');
    const started = performance.now();
    await buildInto(distDir, fingerprint);
    return { status: 'built', ms: Math.round(performance.now() - started) };
  });
}
