/**
 * The Drizzle schema, for typing queries (DESIGN §2). The SQL migrations are the source of truth:
 * test/integration/schema-drift.test.ts compares every table exported here with information_schema, so a
 * table or column added on one side only fails the tests. Re-export each new area file here.
 */
export * from './accounts.ts';
export * from './audit.ts';
export * from './auth.ts';
export * from './idempotency.ts';
export * from './jobs.ts';
export * from './migrations.ts';
export * from './networks.ts';
export * from './organisations.ts';
