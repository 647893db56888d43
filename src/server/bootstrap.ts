import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { setDatabase } from './db/database-handle.ts';
import { ensureDatabaseExists } from './db/ensure-database.ts';
import { acquireDataDirLock, type DataDirLock } from './db/data-dir-lock.ts';
import { migrate } from './db/migrator.ts';
import { loadOrCreateKeyring, type Keyring } from './security/keyring.ts';
import { configureServices } from './services.ts';

export interface Runtime {
  db: Database;
  keyring: Keyring;
  lock: DataDirLock | null;
  /** True when the PGlite data dir did not exist before (first run). */
  freshDataDir: boolean;
  close(): Promise<void>;
}

export const pgliteDir = (config: Config) => join(config.dataDir, 'pglite');

/**
 * Opens what every command needs: the key file (created on first run, mode 0600), the database (PGlite
 * under the data-dir lock, or PostgreSQL), migrated to this code's schema.
 */
export async function openRuntime(
  config: Config,
  options: { command: string; logger: Logger; migrate?: boolean; timeoutMs?: number },
): Promise<Runtime> {
  const { keyring, created } = loadOrCreateKeyring(config.keyFile);
  if (created) {
    process.stderr.write(
      `\nA new encryption key was created at ${config.keyFile} (mode 0600).\n` +
        'Back it up now, apart from your data backups: without it, encrypted fields cannot be read.\n\n',
    );
  }
  let lock: DataDirLock | null = null;
  let freshDataDir = false;
  let db: Database;
  if (config.databaseUrl) {
    if (await ensureDatabaseExists(config.databaseUrl)) {
      process.stderr.write(`Created the PostgreSQL database named in DATABASE_URL.\n`);
    }
    db = await openDatabase({ databaseUrl: config.databaseUrl });
  } else {
    lock = acquireDataDirLock(config.dataDir, options.command);
    freshDataDir = !existsSync(join(pgliteDir(config), 'PG_VERSION'));
    try {
      db = await openDatabase({ dataDir: pgliteDir(config) });
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  setDatabase(db);
  configureServices({ keyring, logger: options.logger, ...(options.timeoutMs ? { transactionTimeoutMs: options.timeoutMs } : {}) });
  try {
    if (options.migrate !== false) {
      await migrate(db, { onApplied: (m, ms) => options.logger.info({ migration: `${m.version}_${m.name}`, ms }, 'migration applied') });
    }
  } catch (error) {
    await db.close();
    lock?.release();
    throw error;
  }
  return {
    db,
    keyring,
    lock,
    freshDataDir,
    async close() {
      setDatabase(null);
      await db.close();
      lock?.release();
    },
  };
}
