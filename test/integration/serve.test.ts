import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { testEngine, withDatabase } from '../harness/engine.ts';
import { createInstance, request, runSanad, startServer, STACK_TRACE, type SanadInstance, type ServerProcess } from '../harness/processes.ts';

/**
 * `sanad serve` as `npm start` runs it: first run, the data-dir lock and the commands that work while the
 * server runs (DESIGN §2, §5, §7), graceful shutdown and configuration errors.
 *
 * Each engine's start-up is tested in its own layer: the embedded-mode tests (first run, lock file, local
 * admin endpoint) in the pglite layer, which always runs; the DATABASE_URL test in the postgresql layer.
 * Registering them per layer (rather than skipping) keeps each layer's count honest and avoids running the
 * slow process tests twice.
 */
const embeddedLayer = testEngine() === 'pglite';
const describeEmbedded = embeddedLayer ? describe : () => undefined;
const describePostgres = embeddedLayer ? () => undefined : describe;
const lockFile = (instance: SanadInstance) => join(instance.dataDir, 'sanad.lock');
const countOrganisations = (instance: SanadInstance) =>
  instance.withDb(async (db) => (await db.query<{ n: number }>('select count(*)::int8 as n from organisations'))[0]!.n);

describeEmbedded('first run on an empty PGlite data dir', { timeout: 150_000 }, () => {
  let instance: SanadInstance;
  let server: ServerProcess;
  beforeAll(async () => {
    instance = await createInstance({ engine: 'pglite' });
    server = await startServer(instance);
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await instance?.cleanup();
  });

  it('answers /api/health with status ok on pglite', async () => {
    const health = await request(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: 'ok', database: 'pglite' });
  });

  it('loads the demo and prints an administrator login that works through POST /api/v1/auth/login', async () => {
    const match = /sign in as (admin@afm\.demo) with password (\S+);/.exec(server.stdout());
    expect(match, server.stdout()).not.toBeNull();
    const login = await request(`${server.url}/api/v1/auth/login`, { body: { email: match![1], password: match![2] } });
    expect(login.status, JSON.stringify(login.json)).toBe(200);
    expect(login.json).toMatchObject({ email: 'admin@afm.demo', roles: ['org_admin'], mustChangePassword: true });
  });

  it('creates the key file with mode 0600 and reminds the operator to back it up', () => {
    const keyFile = join(instance.dataDir, 'sanad.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(server.stderr()).toContain(`A new encryption key was created at ${keyFile}`);
    expect(server.stderr()).toMatch(/Back it up now/);
  });

  it('holds the data dir with a lock file naming its pid', () => {
    expect(JSON.parse(readFileSync(lockFile(instance), 'utf8'))).toMatchObject({ pid: server.pid, command: 'serve' });
  });

  it('lets user add and token create through its local admin endpoint', async () => {
    const user = await runSanad(instance, ['user', 'add', '--organisation', 'ASB', '--email', 'live@asb.test', '--role', 'case_worker']);
    expect(user.code, user.stderr).toBe(0);
    expect(user.stderr).toContain(`through the running server, pid ${server.pid}`);
    const password = user.stdout.trim();
    const login = await request(`${server.url}/api/v1/auth/login`, { body: { email: 'live@asb.test', password } });
    expect(login.status).toBe(200);
    expect(login.json).toMatchObject({ roles: ['case_worker'], mustChangePassword: true });

    const token = await runSanad(instance, ['token', 'create', '--email', 'admin@asb.demo', '--name', 'while serving']);
    expect(token.code, token.stderr).toBe(0);
    expect(token.stderr).toContain(`through the running server, pid ${server.pid}`);
    const me = await request(`${server.url}/api/v1/me`, { token: token.stdout.trim() });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ email: 'admin@asb.demo' });

    const unknown = await runSanad(instance, ['user', 'add', '--organisation', 'NOPE', '--email', 'x@nope.test', '--role', 'viewer']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/No organisation has the acronym NOPE/);
    expect(unknown.stderr).not.toMatch(STACK_TRACE);
  });

  it.each([
    ['org add', ['org', 'add', '--name', 'Blocked', '--acronym', 'BLK']],
    ['migrate', ['migrate']],
    ['audit verify', ['audit', 'verify']],
    ['a second serve', ['serve']],
  ])('refuses %s while it holds the data dir, naming its pid', async (_name, args) => {
    const result = await runSanad(instance, args, { timeoutMs: 60_000 });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toContain(`in use by "sanad serve" (pid ${server.pid}`);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  it('shuts down gracefully on SIGTERM and starts again on the same data dir', async () => {
    const stopped = await server.stop('SIGTERM');
    expect(stopped).toEqual({ code: 0, signal: null });
    expect(existsSync(lockFile(instance))).toBe(false);

    server = await startServer(instance);
    const health = await request(`${server.url}/api/health`);
    expect(health.json).toMatchObject({ status: 'ok', database: 'pglite' });
    // The demo is loaded once: a restart prints no passwords and no new key reminder.
    expect(server.stdout()).not.toMatch(/with password/);
    expect(server.stderr()).not.toMatch(/new encryption key/);
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(existsSync(lockFile(instance))).toBe(false);
  });
});

describeEmbedded('a stale lock file (its process is gone)', { timeout: 150_000 }, () => {
  let instance: SanadInstance;
  beforeAll(async () => {
    instance = await createInstance({ engine: 'pglite' });
  });
  afterAll(async () => instance?.cleanup());

  /** A lock as a crashed server leaves it: the pid of a process that has exited, and an admin port. */
  function writeStaleLock(): number {
    const dead = spawnSync(process.execPath, ['-e', '']);
    const pid = dead.pid!;
    writeFileSync(lockFile(instance), JSON.stringify({ pid, hostname: hostname(), startedAt: new Date().toISOString(), command: 'serve', adminPort: 9 }));
    return pid;
  }

  it('is recovered by a command that opens the data dir', async () => {
    writeStaleLock();
    const result = await runSanad(instance, ['org', 'add', '--name', 'After a crash', '--acronym', 'CRASH']);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(lockFile(instance))).toBe(false);
  });

  it('is not mistaken for a running server by user add', async () => {
    writeStaleLock();
    const result = await runSanad(instance, ['user', 'add', '--organisation', 'CRASH', '--email', 'a@crash.test', '--role', 'viewer']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/through the running server/);
    expect(existsSync(lockFile(instance))).toBe(false);
  });
});

describeEmbedded('a data dir that does not exist yet, with SANAD_KEY_FILE elsewhere', { timeout: 150_000 }, () => {
  let instance: SanadInstance;
  beforeAll(async () => {
    instance = await createInstance({ engine: 'pglite' });
  });
  afterAll(async () => instance?.cleanup());

  it('is created (mode 0700) and the key file goes where SANAD_KEY_FILE says', async () => {
    const dataDir = join(instance.dataDir, 'not', 'yet');
    const keyFile = join(instance.dataDir, 'keys', 'sanad.key');
    const result = await runSanad(instance, ['org', 'add', '--name', 'Nouvelle', '--acronym', 'NEW'], {
      env: { SANAD_DATA_DIR: dataDir, SANAD_KEY_FILE: keyFile },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dataDir, 'sanad.key'))).toBe(false);
  });
});

describeEmbedded('SANAD_DEMO=false on an empty PGlite data dir', { timeout: 150_000 }, () => {
  let instance: SanadInstance;
  beforeAll(async () => {
    instance = await createInstance({ engine: 'pglite' });
  });
  afterAll(async () => instance?.cleanup());

  it('loads no demo and prints how to create the first organisation', async () => {
    const server = await startServer(instance, { env: { SANAD_DEMO: 'false' } });
    expect(server.stdout()).toMatch(/No organisation yet/);
    expect(server.stdout()).not.toMatch(/@afm\.demo/);
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(await countOrganisations(instance)).toBe(0);
  });
});

describeEmbedded('a port already in use', { timeout: 150_000 }, () => {
  let instance: SanadInstance;
  let blocker: Server;
  beforeAll(async () => {
    instance = await createInstance({ engine: 'pglite' });
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => blocker?.close(resolve));
    await instance?.cleanup();
  });

  it('is reported clearly, and the data dir is released for the next start', async () => {
    const port = (blocker.address() as AddressInfo).port;
    const result = await runSanad(instance, ['serve'], { env: { PORT: String(port), SANAD_DEMO: 'false' } });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toContain(`Cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(lockFile(instance))).toBe(false);
  });
});

describeEmbedded('invalid configuration', { timeout: 150_000 }, () => {
  it('names the variable, exits non-zero and prints no stack trace', async () => {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', SANAD_DATA_DIR: '/nonexistent/sanad-bad-env', PORT: 'abc', LOG_LEVEL: 'loud' };
    const result = await runSanad({ env }, ['serve'], { timeoutMs: 60_000 });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toMatch(/Invalid configuration/);
    expect(result.stderr).toMatch(/^\s+- PORT: /m);
    expect(result.stderr).toMatch(/^\s+- LOG_LEVEL: /m);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync('/nonexistent/sanad-bad-env')).toBe(false);
  });
});

// DATABASE_URL needs a PostgreSQL server: this runs on the postgresql layer, where TEST_DATABASE_URL is set.
describePostgres('first run with DATABASE_URL on a new, empty PostgreSQL database', { timeout: 150_000 }, () => {
  let instance: SanadInstance;
  beforeAll(async () => {
    instance = await createInstance({ engine: 'postgresql', emptyDatabase: true });
  });
  afterAll(async () => instance?.cleanup());

  it('migrates, reports postgresql, loads no demo and shuts down on SIGTERM', async () => {
    const server = await startServer(instance);
    try {
      const health = await request(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(health.json).toMatchObject({ status: 'ok', database: 'postgresql' });
      expect(server.stdout()).toMatch(/No organisation yet/);
      expect(server.stdout()).not.toMatch(/@afm\.demo/);
      expect(await countOrganisations(instance)).toBe(0);
      // No lock file on PostgreSQL: the database server arbitrates its own clients.
      expect(existsSync(lockFile(instance))).toBe(false);
    } finally {
      expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    }
  });
});

describePostgres('DATABASE_URL naming a database that does not exist yet', { timeout: 150_000 }, () => {
  let instance: SanadInstance;
  const name = `sanad_t_${Math.floor(Date.now() / 1000)}_missing${process.pid}`;
  const admin = () => new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  beforeAll(async () => {
    instance = await createInstance({ engine: 'postgresql' });
  });
  afterAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
    await instance?.cleanup();
  });

  it('is created like createdb would, then migrated', async () => {
    const url = withDatabase(process.env.TEST_DATABASE_URL!, name);
    const result = await runSanad(instance, ['migrate'], { env: { DATABASE_URL: url } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Created the PostgreSQL database/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('select count(*)::int as n from schema_migrations');
    await client.end();
    expect(rows[0].n).toBeGreaterThan(0);
  });
});
