import { bigint, boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../../core/permissions.ts';
import { organisations } from './organisations.ts';

/**
 * Global user accounts (migrations 20261129090100, 20261129100000); sanad_app never reads password_hash
 * nor the second-factor secrets (column grants): only totp_enabled_at.
 */
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
  /** Keyring ciphertext of the base32 TOTP secret; set together with totpEnabledAt. */
  totpSecret: text('totp_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** The last accepted time step: that step and older ones are refused (replay). */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  totpPendingSecret: text('totp_pending_secret'),
  totpPendingCreatedAt: timestamp('totp_pending_created_at', { withTimezone: true }),
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
