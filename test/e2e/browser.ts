import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * The browser layer's harness: a real `sanad serve` on a temporary data dir and Debian's Chromium driven by
 * playwright-core (never a downloaded browser). Both are torn down by the returned `close()`.
 */
const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

export const PHONE_VIEWPORT = { width: 360, height: 740 };

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Everything the server wrote, for failure messages. */
  output(): string;
  close(): Promise<void>;
}

/** Starts `node bin/sanad.js serve` on PGlite in a fresh data dir, on a free port, without demo data. */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sanad-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, SANAD_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SANAD_DEMO: 'false', LOG_LEVEL: 'warn' };
  // The browser layer always runs on a fresh embedded database, whatever the caller's environment says.
  delete env.DATABASE_URL;
  delete env.SANAD_KEY_FILE;
  const child = spawn(process.execPath, ['bin/sanad.js', 'serve'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => fail(new Error(`sanad serve did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = () => {
      const match = /Sanad is running at (http:\/\/\S+?)\/?\s/.exec(output);
      if (match) done(match[1]!);
    };
    const onExit = (code: number | null) => fail(new Error(`sanad serve exited (${code}) before it was ready:\n${output}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
    };
    const done = (found: string) => {
      cleanup();
      resolveUrl(found);
    };
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    child.stdout.on('data', onData);
    child.on('exit', onExit);
  }).catch(async (error) => {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });

  return {
    url,
    dataDir,
    output: () => output,
    async close() {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** SIGTERM (the server's graceful shutdown closes PGlite), then SIGKILL if it does not end in time. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  /**
   * A host name the browser resolves to 127.0.0.1, to load the server the way a phone on an office network
   * does (a name that is not "localhost", so the browser treats the origin as plain, untrusted HTTP).
   * Traffic still goes to the loopback address only.
   */
  hostAlias?: string;
}

/** Debian's Chromium (SANAD_CHROMIUM or /usr/bin/chromium), headless, with its own throwaway profile. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'sanad-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.SANAD_CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.hostAlias ? [`--host-resolver-rules=MAP ${options.hostAlias} 127.0.0.1`] : []),
    ],
    viewport: options.viewport ?? PHONE_VIEWPORT,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-MA',
    timeout: 60_000,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where screenshots go: SANAD_E2E_SCREENSHOTS when set (to look at them), else a temporary dir. */
export function screenshotDir(): string {
  const dir = process.env.SANAD_E2E_SCREENSHOTS || mkdtempSync(join(tmpdir(), 'sanad-screenshots-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}
