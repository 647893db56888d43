import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { ManualClock } from '../../src/core/clock.ts';
import { setDatabase } from '../../src/server/db/database-handle.ts';
import type { Database } from '../../src/server/db/client.ts';
import { buildApp } from '../../src/server/http/app.ts';
import { Keyring } from '../../src/server/security/keyring.ts';
import { configureServices } from '../../src/server/services.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  database: TestDatabase;
  clock: ManualClock;
  keyring: Keyring;
  close(): Promise<void>;
}

/**
 * The real Fastify app in process over this file's own database, with a manual clock (no sleeping) and a
 * cheap scrypt cost. Module state is per test file (vitest isolates files), so files never share it.
 */
export async function startTestApp(
  options: {
    clock?: ManualClock;
    /** Trust X-Forwarded-* headers (as behind a reverse proxy), e.g. to test Secure cookies over https. */
    trustProxy?: boolean;
    /** Registers extra (test-only) routes or hooks before the app is sealed by `ready()`. */
    beforeReady?: (app: FastifyInstance) => void | Promise<void>;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = options.clock ?? new ManualClock('2026-03-02T09:00:00Z');
  const keyring = Keyring.generate();
  configureServices({ clock, keyring, passwordCost: 2 ** 10, logger: pino({ level: 'silent' }), transactionTimeoutMs: 5_000 });
  setDatabase(database.db);
  const app = await buildApp({ trustProxy: options.trustProxy ?? false });
  await options.beforeReady?.(app);
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    clock,
    keyring,
    async close() {
      await app.close();
      setDatabase(null);
      await database.drop();
    },
  };
}
