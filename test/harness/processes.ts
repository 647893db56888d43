import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../../src/server/db/client.ts';
import { createTestDatabase } from './database.ts';
import { testEngine, withDatabase, type TestEngine } from './engine.ts';

/**
 * End-to-end helpers: the real `sanad` CLI and server as child processes (`node bin/sanad.js …`), each
 * test with its own temp data dir and, on PostgreSQL, its own database. Every wait is bounded in time.
 */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SANAD_BIN = join(REPO_ROOT, 'bin', 'sanad.js');

export interface SanadInstance {
  engine: TestEngine;
  /** SANAD_DATA_DIR: PGlite's files and the key file (on PostgreSQL only the key file). */
  dataDir: string;
  /** The environment of every process of this instance (nothing inherited but PATH and HOME). */
  env: Record<string, string>;
  /** Runs `fn` on a direct owner connection: on PGlite it opens the data dir, so no process may hold it. */
  withDb<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  cleanup(): Promise<void>;
}

/**
 * A fresh instance on `engine` (default: this layer's engine). On PostgreSQL the database is a clone of the
 * migrated template, or with `emptyDatabase` a brand-new empty one (what an operator's `<new db>` is).
 */
export async function createInstance(options: { engine?: TestEngine; emptyDatabase?: boolean } = {}): Promise<SanadInstance> {
  const engine = options.engine ?? testEngine();
  const dataDir = mkdtempSync(join(tmpdir(), 'sanad-e2e-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dataDir,
    SANAD_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  if (engine === 'pglite') {
    return {
      engine,
      dataDir,
      env,
      async withDb(fn) {
        const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
        try {
          return await fn(db);
        } finally {
          await db.close();
        }
      },
      async cleanup() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const database = options.emptyDatabase ? await createEmptyPostgresDatabase() : await createTestDatabase();
  env.DATABASE_URL = database.url!;
  return {
    engine,
    dataDir,
    env,
    withDb: (fn) => fn(database.db),
    async cleanup() {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new PostgreSQL database with nothing in it; named so the harness sweep removes it if a run dies. */
async function createEmptyPostgresDatabase(): Promise<{ db: Database; url: string; drop(): Promise<void> }> {
  const name = `sanad_t_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL!, poolSize: 1 });
  await admin.exec(`create database ${name}`);
  const url = withDatabase(process.env.TEST_DATABASE_URL!, name);
  const db = await openDatabase({ databaseUrl: url, poolSize: 2 });
  return {
    db,
    url,
    async drop() {
      await db.close();
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `sanad ARGS` to completion; `stdin` is written then closed. Kills it after `timeoutMs`. */
export function runSanad(
  instance: Pick<SanadInstance, 'env'>,
  args: string[],
  options: { stdin?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RunResult> {
  const started = Date.now();
  const child = spawnSanad(instance, args, options.env);
  const output = collect(child);
  child.stdin!.end(options.stdin ?? '');
  const timeoutMs = options.timeoutMs ?? 90_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sanad ${args.join(' ')} did not finish within ${timeoutMs} ms\n${output.stderr()}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: output.stdout(), stderr: output.stderr(), ms: Date.now() - started });
    });
  });
}

export interface ServerProcess {
  pid: number;
  /** http://127.0.0.1:PORT, parsed from the "Sanad is running at …" line. */
  url: string;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited (and its output is drained). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` and waits for the exit (SIGKILL after `timeoutMs`, then throws). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const RUNNING_LINE = /Sanad is running at (http:\/\/[^\s/]+)\//;

/** Starts `sanad serve` and waits until it prints its URL (or fails if it exits or times out first). */
export async function startServer(
  instance: Pick<SanadInstance, 'env'>,
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const child = spawnSanad(instance, ['serve'], options.env);
  child.stdin!.end();
  const output = collect(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const timeoutMs = options.timeoutMs ?? 90_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sanad serve did not start within ${timeoutMs} ms\nstdout: ${output.stdout()}\nstderr: ${output.stderr()}`));
    }, timeoutMs);
    const check = () => {
      const match = RUNNING_LINE.exec(output.stdout());
      // The whole banner ends with "Press Ctrl+C"; wait for it so callers read the printed logins.
      if (match && output.stdout().includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`sanad serve exited (${code ?? signal}) before it was ready\nstdout: ${output.stdout()}\nstderr: ${output.stderr()}`));
    });
  });
  return {
    pid: child.pid!,
    url,
    stdout: output.stdout,
    stderr: output.stderr,
    exited,
    async stop(signal = 'SIGTERM', stopTimeoutMs = 20_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      const result = await exited;
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && result.signal === 'SIGKILL') {
        throw new Error(`sanad serve did not stop within ${stopTimeoutMs} ms after ${signal}`);
      }
      return result;
    },
  };
}

/** A stack trace line ("    at fn (file:1:2)"): no CLI output may contain one. */
export const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

/** JSON request to a spawned server; never throws on HTTP errors (returns the status). */
export async function request(
  url: string,
  options: { method?: string; body?: unknown; token?: string; timeoutMs?: number } = {},
): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(url, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

function spawnSanad(instance: Pick<SanadInstance, 'env'>, args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [SANAD_BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...instance.env, ...extraEnv },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess): { stdout(): string; stderr(): string } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
  return { stdout: () => Buffer.concat(out).toString('utf8'), stderr: () => Buffer.concat(err).toString('utf8') };
}
