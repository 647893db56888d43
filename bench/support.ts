import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { systemClock } from '../src/core/clock.ts';
import { PERMISSIONS, type Role } from '../src/core/permissions.ts';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { setDatabase } from '../src/server/db/database-handle.ts';
import { migrate } from '../src/server/db/migrator.ts';
import { withOwnerTransaction } from '../src/server/db/transaction.ts';
import { SYSTEM_ORGANISATION_ID, systemActor } from '../src/server/domain/actor.ts';
import { createOrganisation } from '../src/server/domain/organisations/create-organisation.ts';
import { createUser } from '../src/server/domain/users/create-user.ts';
import { buildApp } from '../src/server/http/app.ts';
import { Keyring } from '../src/server/security/keyring.ts';
import { configureServices } from '../src/server/services.ts';

/**
 * What benchmarks share: a Sanad installation in process, on PGlite in a temporary data dir (as `npm start`
 * runs it, not in memory), with the production scrypt cost unless a benchmark says otherwise.
 */
export const PRODUCTION_PASSWORD_COST = 2 ** 15;

export interface BenchInstallation {
  db: Database;
  dataDir: string;
  close(): Promise<void>;
}

export async function openInstallation(options: { passwordCost?: number } = {}): Promise<BenchInstallation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sanad-bench-'));
  const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
  await migrate(db);
  setDatabase(db);
  configureServices({
    clock: systemClock,
    keyring: Keyring.generate(),
    logger: pino({ level: 'silent' }),
    passwordCost: options.passwordCost ?? PRODUCTION_PASSWORD_COST,
    transactionTimeoutMs: 5_000,
  });
  return {
    db,
    dataDir,
    async close() {
      setDatabase(null);
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function openApp(): Promise<FastifyInstance> {
  const app = await buildApp();
  await app.ready();
  return app;
}

export const BENCH_PASSWORD = 'a long benchmark passphrase 2021';

/** A member organisation with one signed-in-able user (password already changed). */
export async function seedUser(role: Role = 'org_admin'): Promise<{ organisationId: string; accountId: string; email: string }> {
  const { organisation } = await createOrganisation({
    actor: systemActor(SYSTEM_ORGANISATION_ID, PERMISSIONS),
    input: { kind: 'member', name: 'Association de benchmark', acronym: 'BENCH' },
  });
  const email = 'tresorier@afm.example';
  const { user } = await createUser({
    actor: systemActor(organisation.id, PERMISSIONS),
    input: { email, displayName: 'Bench', roles: [role], password: BENCH_PASSWORD },
  });
  await withOwnerTransaction('bench.seed', (tx) =>
    tx.query('update accounts set password_must_change = false where id = $1', [user.id]),
  );
  return { organisationId: organisation.id, accountId: user.id, email };
}

/** A distinct documentation address (RFC 5737) per request, so the per-IP rate limit never kicks in. */
export const clientIp = (i: number) => `203.0.113.${i % 250}`;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One benchmark: set up once, then take `runs` measurements, each one number in `unit`. */
export interface Benchmark {
  name: string;
  description: string;
  unit: string;
  better: 'lower' | 'higher';
  runs: number;
  /** The target for the median, if it has one: the result says whether it was met. */
  target?: number;
  prepare(progress: (message: string) => void): Promise<Prepared>;
}

export interface Prepared {
  measure(run: number): Promise<number>;
  close(): Promise<void>;
  /** Further figures of the last run (other measures, baselines), written into the result file. */
  details?(): Record<string, unknown>;
}
