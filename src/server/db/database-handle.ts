import type { Database } from './client.ts';

/**
 * The global database handle. Only the transaction module, the authentication module, the migrator, the
 * job runner's recovery and the CLI import this file; a lint rule forbids it in domain code and
 * repositories, which receive a transaction handle instead.
 */
let database: Database | null = null;

export function setDatabase(db: Database | null): void {
  database = db;
}

export function getDatabase(): Database {
  if (!database) throw new Error('The database is not open.');
  return database;
}
