import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { typeParsers } from './parsers.ts';

export type Row = Record<string, unknown>;
export type Engine = 'pglite' | 'postgresql';

/** Runs SQL on one connection; inside a transaction unit this is the only handle domain code gets. */
export interface SqlRunner {
  query<T = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters. */
  exec(text: string): Promise<void>;
}

/**
 * The process-wide database connection. Only the transaction module, the authentication module, the
 * migrator and CLI operations may hold it (a lint rule keeps domain code away from it).
 */
export interface Database {
  readonly engine: Engine;
  transaction<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T>;
  /** One statement outside any unit, as the owner role (migrator, health check, CLI). */
  query<T = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  exec(text: string): Promise<void>;
  /** Aborts the statement running in a unit that overran the watchdog (PostgreSQL only). */
  cancel?(backendPid: number): Promise<void>;
  close(): Promise<void>;
}

export const PGLITE_EXTENSIONS = { pg_trgm, fuzzystrmatch, unaccent };

export interface OpenOptions {
  /** PostgreSQL connection string; without it, PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined keeps PGlite in memory (tests). */
  dataDir?: string | undefined;
  /** A PGlite data dir tarball to start from (test template clones). */
  loadDataDir?: Blob | File | undefined;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: PGLITE_EXTENSIONS,
    parsers: typeParsers,
  });
  const runnerOf = (q: Pick<PGlite, 'query' | 'exec'>): SqlRunner => ({
    query: async <T>(text: string, params: readonly unknown[] = []) =>
      (await q.query<T>(text, params as unknown[])).rows,
    exec: async (text: string) => {
      await q.exec(text);
    },
  });
  const direct = runnerOf(db);
  return {
    engine: 'pglite',
    transaction: (fn) => db.transaction((tx) => fn(runnerOf(tx))),
    query: direct.query,
    exec: direct.exec,
    close: () => db.close(),
    // Exposed for test template dumps.
    ...({ pglite: db } as object),
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const runnerOf = (client: pg.Pool | pg.PoolClient): SqlRunner => ({
    query: async <T>(text: string, params: readonly unknown[] = []) =>
      (await client.query(text, params as unknown[])).rows as T[],
    exec: async (text: string) => {
      await client.query(text);
    },
  });
  const direct = runnerOf(pool);
  await direct.query('select 1');
  return {
    engine: 'postgresql',
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(runnerOf(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    query: direct.query,
    exec: direct.exec,
    async cancel(pid) {
      await pool.query('select pg_cancel_backend($1)', [pid]);
    },
    close: () => pool.end(),
  };
}
