import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/chain.ts';
import { AppError } from '../errors/app-error.ts';
import { now } from '../services.ts';
import type { Tx } from '../db/transaction.ts';

/**
 * Idempotent create on a client-chosen id (DESIGN §2): the first request with an id records a digest of its
 * body; a replay with the same body gets `replay: true` (the caller returns the stored resource with 200),
 * a different body is a 409 IDEMPOTENCY_CONFLICT.
 */
export async function claimCreate(
  tx: Tx,
  resourceType: string,
  id: string,
  body: unknown,
): Promise<{ replay: boolean }> {
  const { id: _omit, ...rest } = (body ?? {}) as Record<string, unknown>;
  const digest = createHash('sha256').update(canonicalJson(rest)).digest();
  const inserted = await tx.query(
    `insert into idempotency_records (organisation_id, resource_type, resource_id, request_digest, created_at)
     values ($1, $2, $3, $4, $5) on conflict do nothing returning 1`,
    [tx.organisationId, resourceType, id, digest, now()],
  );
  if (inserted.length) return { replay: false };
  const [existing] = await tx.query<{ request_digest: Uint8Array }>(
    `select request_digest from idempotency_records
     where organisation_id = $1 and resource_type = $2 and resource_id = $3`,
    [tx.organisationId, resourceType, id],
  );
  if (existing && Buffer.from(existing.request_digest).equals(digest)) return { replay: true };
  throw new AppError('IDEMPOTENCY_CONFLICT', { details: { id } });
}
