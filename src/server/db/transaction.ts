import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../errors/app-error.ts';
import { logger, now, settings } from '../services.ts';
import { sealAuditEntries, type PendingAuditEntry } from '../audit/seal.ts';
import type { Actor } from '../domain/actor.ts';
import type { Row, SqlRunner } from './client.ts';
import { getDatabase } from './database-handle.ts';

/** What an audit call records; the unit adds who, when and where. */
export interface AuditInput {
  action: string;
  targetType?: string;
  targetId?: string;
  /** May hold personal data: stored apart from the chain so it can be erased. */
  payload?: unknown;
  /** Owner units only: the chain to write to (defaults to the unit's organisation). */
  organisationId?: string;
}

/**
 * The handle a transaction unit gives domain code: SQL on the unit's connection, audit entries sealed at
 * commit, and callbacks that run after a successful commit.
 */
export interface Tx extends SqlRunner {
  readonly actor: Actor | null;
  /** The organisation whose rows this unit may touch (RLS); null in an owner unit without one. */
  readonly organisationId: string | null;
  audit(entry: AuditInput): void;
  afterCommit(fn: () => void | Promise<void>): void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `fn` in one short transaction as `sanad_app`, scoped to the actor's organisation: row-level
 * security applies, and it fails closed. Keep CPU work (hashing, parsing, scoring) outside: on PGlite a
 * long unit stops every request. A watchdog aborts units longer than the configured limit (5 s).
 */
export function withTransaction<T>(actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return runUnit({ role: 'app', actor, organisationId: actor.organisationId }, fn);
}

/**
 * Runs `fn` as the owner role, without row-level security. Reserved for the authentication module, the
 * migrator, jobs recovery and CLI maintenance (lint-enforced): everything else uses withTransaction.
 */
export function withOwnerTransaction<T>(
  purpose: string,
  fn: (tx: Tx) => Promise<T>,
  options: { actor?: Actor | null; organisationId?: string | null; timeoutMs?: number | null } = {},
): Promise<T> {
  return runUnit(
    {
      role: 'owner',
      purpose,
      actor: options.actor ?? null,
      organisationId: options.organisationId ?? options.actor?.organisationId ?? null,
      timeoutMs: options.timeoutMs,
    },
    fn,
  );
}

interface UnitOptions {
  role: 'app' | 'owner';
  purpose?: string;
  actor: Actor | null;
  organisationId: string | null;
  /** null: no watchdog (migrate, backup, restore). */
  timeoutMs?: number | null | undefined;
}

async function runUnit<T>(options: UnitOptions, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const { organisationId } = options;
  if (organisationId !== null && !UUID.test(organisationId)) {
    throw new AppError('NOT_FOUND');
  }
  const timeoutMs = options.timeoutMs === undefined ? settings().transactionTimeoutMs : options.timeoutMs;
  const pendingAudit: PendingAuditEntry[] = [];
  const afterCommit: Array<() => void | Promise<void>> = [];
  const startedAt = Date.now();
  let timedOut = false;
  const overran = () => timedOut || (timeoutMs !== null && Date.now() - startedAt > timeoutMs);
  const timer =
    timeoutMs === null
      ? null
      : setTimeout(() => {
          timedOut = true;
          logger().error(
            { purpose: options.purpose, role: options.role, organisationId, ms: Date.now() - startedAt },
            'transaction watchdog: unit overran its time limit and is being aborted',
          );
        }, timeoutMs);
  timer?.unref();

  try {
    const result = await getDatabase().transaction(async (runner) => {
      const statements: string[] = [];
      if (options.role === 'app') statements.push('set local role sanad_app');
      if (organisationId) statements.push(`set local sanad.organisation_id = '${organisationId}'`);
      if (timeoutMs !== null) statements.push(`set local statement_timeout = ${Math.max(1, Math.ceil(timeoutMs))}`);
      if (statements.length) await runner.exec(statements.join('; '));

      const guard = () => {
        if (overran()) throw new AppError('TRANSACTION_TIMEOUT');
      };
      const tx: Tx = {
        actor: options.actor,
        organisationId,
        async query<R = Row>(text: string, params?: readonly unknown[]) {
          guard();
          return runner.query<R>(text, params);
        },
        async exec(text: string) {
          guard();
          return runner.exec(text);
        },
        audit(entry) {
          const chain = entry.organisationId ?? organisationId;
          if (!chain) throw new Error('audit entry without an organisation chain');
          if (options.role === 'app' && chain !== organisationId) {
            throw new Error('a tenant unit may only write its own audit chain');
          }
          pendingAudit.push({
            organisationId: chain,
            id: uuidv7(),
            occurredAt: now(),
            actorAccountId: options.actor?.accountId ?? null,
            actorKind: options.actor?.kind ?? 'anonymous',
            action: entry.action,
            targetType: entry.targetType ?? null,
            targetId: entry.targetId ?? null,
            ip: options.actor?.ip ?? null,
            payload: entry.payload,
          });
        },
        afterCommit(cb) {
          afterCommit.push(cb);
        },
      };
      const value = await fn(tx);
      if (pendingAudit.length) await sealAuditEntries(runner, pendingAudit);
      guard();
      return value;
    });
    for (const cb of afterCommit) {
      try {
        await cb();
      } catch (error) {
        logger().error({ err: error }, 'after-commit callback failed');
      }
    }
    return result;
  } catch (error) {
    // PostgreSQL's statement_timeout cancels a statement with SQLSTATE 57014.
    if ((error as { code?: string }).code === '57014') throw new AppError('TRANSACTION_TIMEOUT');
    throw error;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Adds an audit entry inside an owner unit for an explicit actor (e.g. a login before any session). */
export type { Actor };
