import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './columns.ts';

/** Tenant table: the first body seen for a client-chosen id (idempotent creates, DESIGN §2). */
export const idempotencyRecords = pgTable(
  'idempotency_records',
  {
    organisationId: uuid('organisation_id').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: uuid('resource_id').notNull(),
    requestDigest: bytea('request_digest').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.resourceType, t.resourceId] })],
);
