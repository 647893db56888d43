import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Created by the migrator itself (src/server/db/migrator.ts), not by a migration file. Included so the
 * drift test covers every table of the database, with no exceptions to remember.
 */
export const schemaMigrations = pgTable('schema_migrations', {
  version: text('version').primaryKey(),
  name: text('name').notNull(),
  checksum: text('checksum').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});
