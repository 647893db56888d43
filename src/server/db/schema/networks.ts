import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';

/** Global reference tables (migration 20261129090300): networks and their member organisations. */
export const networks = pgTable('networks', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  secretariatOrganisationId: uuid('secretariat_organisation_id').notNull().references(() => organisations.id),
  demo: boolean('demo').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const networkMembers = pgTable(
  'network_members',
  {
    networkId: uuid('network_id').notNull().references(() => networks.id),
    memberOrganisationId: uuid('member_organisation_id').notNull().references(() => organisations.id),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.memberOrganisationId] })],
);
