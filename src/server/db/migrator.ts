import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.ts';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Any constant works; it names Sanad's migration lock among other advisory locks. */
const MIGRATION_LOCK_KEY = 7_263_011_2021;

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** The SQL migrations shipped with this code, in order (`<timestamp>_<what>.sql`). */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{14}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      const [version, ...rest] = file.replace(/\.sql$/, '').split('_');
      return { version: version!, name: rest.join('_'), sql, checksum: sha256(sql) };
    });
}

/** A digest of the whole migration set: test templates are keyed by it. */
export function migrationsFingerprint(migrations = loadMigrations()): string {
  return sha256(migrations.map((m) => `${m.version}:${m.checksum}`).join('\n')).slice(0, 16);
}

export interface MigrateResult {
  applied: string[];
  current: string | null;
}

/**
 * Applies pending migrations, each in its own transaction under a transaction-scoped advisory lock, so
 * several processes migrating one database at once apply each migration exactly once. Refuses a database
 * whose schema is newer than this code, or whose applied migrations were edited since.
 */
export async function migrate(
  db: Database,
  options: { migrations?: Migration[]; onApplied?: (m: Migration, ms: number) => void } = {},
): Promise<MigrateResult> {
  const migrations = options.migrations ?? loadMigrations();
  await db.exec(`create table if not exists schema_migrations (
    version text primary key, name text not null, checksum text not null, applied_at timestamptz not null default now())`);
  await checkAppliedAgainstCode(db, migrations);
  const applied: string[] = [];
  for (const migration of migrations) {
    const started = Date.now();
    const didApply = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const done = await tx.query('select 1 from schema_migrations where version = $1', [migration.version]);
      if (done.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (didApply) {
      applied.push(`${migration.version}_${migration.name}`);
      options.onApplied?.(migration, Date.now() - started);
    }
  }
  return { applied, current: migrations.at(-1)?.version ?? null };
}

async function checkAppliedAgainstCode(db: Database, migrations: Migration[]): Promise<void> {
  const rows = await db.query<{ version: string; name: string; checksum: string }>(
    'select version, name, checksum from schema_migrations order by version',
  );
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const row of rows) {
    const mine = known.get(row.version);
    if (!mine) {
      throw new MigrationError(
        `The database has migration ${row.version}_${row.name}, which this version of Sanad does not know: ` +
          'the database is newer than the code. Install the newer Sanad instead.',
      );
    }
    if (mine.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.version}_${row.name} was changed after it was applied. ` +
          'Migrations are append-only: add a new migration instead of editing an applied one.',
      );
    }
  }
}

/** Versions applied to the database, oldest first. */
export async function appliedMigrations(db: Database): Promise<string[]> {
  const exists = await db.query<{ t: string | null }>("select to_regclass('schema_migrations')::text as t");
  if (!exists[0]?.t) return [];
  return (await db.query<{ version: string }>('select version from schema_migrations order by version')).map(
    (r) => r.version,
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
