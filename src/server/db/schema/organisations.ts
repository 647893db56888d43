import { type AnyPgColumn, boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Global reference table (migrations 20261129090100, 20261129100000): member and external organisations. */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey(),
  kind: text('kind', { enum: ['member', 'external'] }).notNull(),
  name: text('name').notNull(),
  acronym: text('acronym'),
  iatiType: text('iati_type'),
  iatiIdentifier: text('iati_identifier'),
  country: text('country').notNull().default('MA'),
  timeZone: text('time_zone').notNull().default('Africa/Casablanca'),
  disclosureThreshold: integer('disclosure_threshold').notNull().default(5),
  demo: boolean('demo').notNull().default(false),
  /** Members must enrol a second factor (TOTP) before using anything else. */
  totpRequired: boolean('totp_required').notNull().default(false),
  createdByOrganisationId: uuid('created_by_organisation_id').references((): AnyPgColumn => organisations.id),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
