import { bigint, foreignKey, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './columns.ts';

/** Tenant tables of the per-organisation audit chain (migration 20261129090200, DESIGN §2). */
export const auditHeads = pgTable('audit_heads', {
  organisationId: uuid('organisation_id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: bytea('last_hash').notNull(),
});

export const auditEvents = pgTable(
  'audit_events',
  {
    organisationId: uuid('organisation_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: uuid('id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorAccountId: uuid('actor_account_id'),
    actorKind: text('actor_kind', { enum: ['user', 'token', 'system', 'anonymous'] }).notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    payloadDigest: bytea('payload_digest').notNull(),
    digest: bytea('digest').notNull(),
    hash: bytea('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.seq] })],
);

/** Payloads may hold personal data: kept apart from the chain so erasure keeps it verifiable. */
export const auditPayloads = pgTable(
  'audit_payloads',
  {
    organisationId: uuid('organisation_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    payload: jsonb('payload').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.seq] }),
    foreignKey({ columns: [t.organisationId, t.seq], foreignColumns: [auditEvents.organisationId, auditEvents.seq] }),
  ],
);
