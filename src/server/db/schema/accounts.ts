import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../../core/permissions.ts';
import { organisations } from './organisations.ts';

/** Global user accounts (migration 20261129090100); sanad_app never reads password_hash (column grants). */
export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  locale: text('locale', { enum: ['fr', 'ar', 'en'] }).notNull().default('fr'),
  passwordHash: text('password_hash').notNull(),
  passwordMustChange: boolean('password_must_change').notNull().default(true),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull(),
  instanceAdmin: boolean('instance_admin').notNull().default(false),
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Tenant table: a user's roles in one organisation. */
export const memberships = pgTable(
  'memberships',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    roles: text('roles').array().notNull().$type<Role[]>(),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.accountId] })],
);
