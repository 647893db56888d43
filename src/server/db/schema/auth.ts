import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { bytea } from './columns.ts';
import { organisations } from './organisations.ts';

/** Global: the authentication module reads sessions before any organisation is known. */
export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey(),
  tokenHash: bytea('token_hash').notNull().unique(),
  csrfTokenHash: bytea('csrf_token_hash').notNull(),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  activeOrganisationId: uuid('active_organisation_id').notNull().references(() => organisations.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedReason: text('revoked_reason'),
});

/** Global: failed sign-ins per (account, IP) drive the progressive delay and the lockout. */
export const loginFailures = pgTable('login_failures', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull(),
  accountId: uuid('account_id').references(() => accounts.id),
  ip: text('ip').notNull(),
  failedAt: timestamp('failed_at', { withTimezone: true }).notNull(),
});

/** Global: one-time recovery codes of a second factor, stored only as SHA-256 (owner role only). */
export const recoveryCodes = pgTable('recovery_codes', {
  id: uuid('id').primaryKey(),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  codeHash: bytea('code_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Tenant table: API tokens are listed per organisation (RLS); the secret is stored only as a hash. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    name: text('name').notNull(),
    tokenHash: bytea('token_hash').notNull(),
    tokenPrefix: text('token_prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);
