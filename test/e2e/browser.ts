import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser as PlaywrightBrowser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/**
 * The browser layer's harness: a real `sanad serve` on a temporary data dir and Debian's Chromium driven by
 * playwright-core (never a downloaded browser). Both are torn down by the returned `close()`.
 */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

export const PHONE_VIEWPORT = { width: 360, height: 740 };
export const DESKTOP_VIEWPORT = { width: 1280, height: 800 };

/** One account of the demo data set, with the password `sanad serve` printed for it once. */
export interface DemoCredential {
  email: string;
  password: string;
  organisation: string;
  role: string;
}

export interface RunningServer {
  url: string;
  dataDir: string;
  /** The demo accounts and their printed passwords (empty without demo data). */
  credentials: DemoCredential[];
  /** The printed password of a demo account; throws a readable error for an unknown email. */
  passwordOf(email: string): string;
  /** Everything the server wrote, for failure messages. */
  output(): string;
  close(): Promise<void>;
}

const BANNER_END = 'Press Ctrl+C to stop.';
const CREDENTIAL_LINE = /^ {2}(\S+@\S+)\s+(\S+)\s+(\S+)\s+(\S+)$/gm;

/**
 * Starts `node bin/sanad.js serve` on PGlite in a fresh data dir, on a free port. With `demo`, the demo data
 * set is loaded and the passwords the server prints for it are parsed, so tests sign in as its accounts
 * (each must change its printed password first, as a real person would).
 */
export async function startServer(options: { demo?: boolean } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sanad-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SANAD_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    SANAD_DEMO: options.demo ? 'true' : 'false',
    LOG_LEVEL: 'warn',
  };
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
      // Without the web app every page test would fail for the same reason: say it once, clearly.
      if (/Building the web app failed|web app is not built/.test(output)) {
        fail(new Error(`sanad serve could not build the web app, so there is nothing to test in a browser:\n${output}`));
        return;
      }
      const match = /Sanad is running at (http:\/\/\S+?)\/?\s/.exec(output);
      // The whole banner ends with "Press Ctrl+C": wait for it, so the demo passwords are all printed.
      if (match && output.includes(BANNER_END)) done(match[1]!);
    };
    const onExit = (code: number | null) => fail(new Error(`sanad serve exited (${code}) before it was ready:\n${output}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
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
    child.stderr.on('data', onData);
    child.on('exit', onExit);
  }).catch(async (error) => {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });

  const credentials = [...output.matchAll(CREDENTIAL_LINE)].map(([, email, password, organisation, role]) => ({
    email: email!,
    password: password!,
    organisation: organisation!,
    role: role!,
  }));
  if (options.demo && credentials.length === 0) {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`sanad serve printed no demo passwords:\n${output}`);
  }

  return {
    url,
    dataDir,
    credentials,
    passwordOf(email) {
      const found = credentials.find((c) => c.email === email);
      if (!found) throw new Error(`${email} is not a demo account; the server printed: ${credentials.map((c) => c.email).join(', ')}`);
      return found.password;
    },
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

export type Viewport = { width: number; height: number };

export interface Browser {
  /** The first context (a phone unless `viewport` said otherwise). */
  context: BrowserContext;
  /** Another isolated context (own cookies and storage): a second device or person. */
  newContext(options?: { viewport?: Viewport }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport?: Viewport;
  /**
   * A host name the browser resolves to 127.0.0.1, to load the server the way a phone on an office network
   * does (a name that is not "localhost", so the browser treats the origin as plain, untrusted HTTP).
   * Traffic still goes to the loopback address only.
   */
  hostAlias?: string;
}

/** A phone (touch, mobile viewport meta honoured) at 360 px, or a desktop at any wider viewport. */
export function contextOptions(viewport: Viewport = PHONE_VIEWPORT): BrowserContextOptions {
  const phone = viewport.width < 768;
  return { viewport, deviceScaleFactor: 1, isMobile: phone, hasTouch: phone, locale: 'fr-MA' };
}

/** Debian's Chromium (SANAD_CHROMIUM or /usr/bin/chromium), headless, with throwaway profiles. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = process.env.SANAD_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium is not at ${executablePath}: install Debian's package (apt-get install chromium) or set SANAD_CHROMIUM.`);
  }
  const browser: PlaywrightBrowser = await chromium.launch({
    executablePath,
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
    timeout: 60_000,
  });
  const context = await browser.newContext(contextOptions(options.viewport));
  return {
    context,
    newContext: (more = {}) => browser.newContext(contextOptions(more.viewport)),
    close: () => browser.close(),
  };
}

const ARTIFACTS_DIR = join(REPO_ROOT, 'test', 'artifacts');
const RUN_MARKER = join(ARTIFACTS_DIR, '.current-e2e-run.json');
const RUNS_KEPT = 5;

/**
 * Where screenshots go: SANAD_E2E_SCREENSHOTS when set, else test/artifacts/e2e-<time>/ (git-ignored), one
 * folder per vitest run. Test files run in child processes of one vitest process, so the first file of a run
 * names the folder and the others find it through a marker keyed by that parent's pid. Older runs beyond the
 * last few are removed.
 */
export function screenshotDir(): string {
  if (process.env.SANAD_E2E_SCREENSHOTS) {
    mkdirSync(process.env.SANAD_E2E_SCREENSHOTS, { recursive: true });
    return process.env.SANAD_E2E_SCREENSHOTS;
  }
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  try {
    const marker = JSON.parse(readFileSync(RUN_MARKER, 'utf8')) as { ppid: number; dir: string };
    if (marker.ppid === process.ppid && existsSync(marker.dir)) return marker.dir;
  } catch {
    // No run yet, or an unreadable marker: start a new run folder.
  }
  const dir = join(ARTIFACTS_DIR, `e2e-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(RUN_MARKER, JSON.stringify({ ppid: process.ppid, dir }));
  const runs = readdirSync(ARTIFACTS_DIR)
    .filter((name) => name.startsWith('e2e-'))
    .map((name) => join(ARTIFACTS_DIR, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const old of runs.slice(RUNS_KEPT)) rmSync(old, { recursive: true, force: true });
  return dir;
}
