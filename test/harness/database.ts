import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../src/server/db/client.ts';
import { migrate, migrationsFingerprint } from '../../src/server/db/migrator.ts';
import { testEngine, withDatabase } from './engine.ts';

/**
 * Each test file gets its own database cloned from a migrated template: PGlite loads a dumped data dir,
 * PostgreSQL uses CREATE DATABASE … TEMPLATE. Templates are keyed by the migrations' fingerprint, and
 * leftovers older than a day are swept.
 */
const DAY_MS = 24 * 3600 * 1000;
const TEMPLATE_DIR = join(tmpdir(), 'sanad-test-templates');

export interface TestDatabase {
  db: Database;
  engine: 'pglite' | 'postgresql';
  /** PostgreSQL only: the URL of this clone (for child processes). */
  url?: string;
  drop(): Promise<void>;
}

export async function prepareTemplate(): Promise<void> {
  if (testEngine() === 'pglite') await preparePgliteTemplate();
  else await preparePostgresTemplate();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  return testEngine() === 'pglite' ? clonePglite() : clonePostgres();
}

function pgliteTemplatePath(): string {
  return join(TEMPLATE_DIR, `pglite-${migrationsFingerprint()}.tar.gz`);
}

async function preparePgliteTemplate(): Promise<void> {
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const path = pgliteTemplatePath();
  for (const file of readdirSync(TEMPLATE_DIR)) {
    const full = join(TEMPLATE_DIR, file);
    if (full !== path && Date.now() - statSync(full).mtimeMs > DAY_MS) unlinkSync(full);
  }
  if (existsSync(path)) return;
  const db = await openDatabase({});
  await migrate(db);
  const dump = await (db as unknown as { pglite: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).pglite.dumpDataDir('gzip');
  await db.close();
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, path);
}

async function clonePglite(): Promise<TestDatabase> {
  const data = readFileSync(pgliteTemplatePath());
  const db = await openDatabase({ loadDataDir: new Blob([data], { type: 'application/x-gzip' }) });
  return { db, engine: 'pglite', drop: () => db.close() };
}

function templateName(): string {
  return `sanad_tpl_${migrationsFingerprint()}`;
}

async function adminDatabase(): Promise<Database> {
  return openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL!, poolSize: 1 });
}

async function preparePostgresTemplate(): Promise<void> {
  const admin = await adminDatabase();
  try {
    await sweepPostgres(admin);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [templateName()]);
    if (exists.length) return;
    const building = `${templateName()}_build_${randomBytes(3).toString('hex')}`;
    await admin.exec(`create database ${building}`);
    const db = await openDatabase({ databaseUrl: withDatabase(process.env.TEST_DATABASE_URL!, building), poolSize: 1 });
    await migrate(db);
    await db.close();
    try {
      await admin.exec(`alter database ${building} rename to ${templateName()}`);
    } catch {
      // Another run built the same template meanwhile.
      await admin.exec(`drop database if exists ${building} with (force)`);
    }
  } finally {
    await admin.close();
  }
}

async function sweepPostgres(admin: Database): Promise<void> {
  const rows = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'sanad\\_%'");
  const cutoff = Math.floor((Date.now() - DAY_MS) / 1000);
  for (const { datname } of rows) {
    const clone = /^sanad_t_(\d+)_/.exec(datname);
    const oldClone = clone && Number(clone[1]) < cutoff;
    const staleTemplate = datname.startsWith('sanad_tpl_') && datname !== templateName();
    if (oldClone) await admin.exec(`drop database if exists ${datname} with (force)`).catch(() => undefined);
    // Without force: a template another run is cloning right now stays until the next sweep.
    else if (staleTemplate) await admin.exec(`drop database if exists ${datname}`).catch(() => undefined);
  }
}

async function clonePostgres(): Promise<TestDatabase> {
  const name = `sanad_t_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = await adminDatabase();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.exec(`create database ${name} template ${templateName()}`);
      break;
    } catch (error) {
      // Two clones at the same instant: "source database is being accessed by other users".
      if (attempt >= 20 || (error as { code?: string }).code !== '55006') throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = withDatabase(process.env.TEST_DATABASE_URL!, name);
  const db = await openDatabase({ databaseUrl: url, poolSize: 4 });
  return {
    db,
    engine: 'postgresql',
    url,
    async drop() {
      await db.close();
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}
