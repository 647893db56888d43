import type { SqlRunner } from '../db/client.ts';
import { chainHash, entryDigest, GENESIS_HASH, payloadDigest, type ChainFields } from './chain.ts';

export interface PendingAuditEntry extends ChainFields {
  payload: unknown;
}

/**
 * Numbers and chains a unit's audit entries. It runs as the last work before commit: the chain head row is
 * locked only from here to the commit, never for a whole request (DESIGN §2).
 */
export async function sealAuditEntries(runner: SqlRunner, entries: readonly PendingAuditEntry[]): Promise<void> {
  const byOrganisation = new Map<string, PendingAuditEntry[]>();
  for (const entry of entries) {
    const list = byOrganisation.get(entry.organisationId) ?? [];
    list.push(entry);
    byOrganisation.set(entry.organisationId, list);
  }
  for (const [organisationId, list] of byOrganisation) {
    await runner.query(
      `insert into audit_heads (organisation_id, last_seq, last_hash) values ($1, 0, $2)
       on conflict (organisation_id) do nothing`,
      [organisationId, GENESIS_HASH],
    );
    const [head] = await runner.query<{ last_seq: number; last_hash: Uint8Array }>(
      'select last_seq, last_hash from audit_heads where organisation_id = $1 for update',
      [organisationId],
    );
    let seq = head!.last_seq;
    let prev: Buffer = Buffer.from(head!.last_hash);
    const eventRows: unknown[][] = [];
    const payloadRows: unknown[][] = [];
    for (const entry of list) {
      seq += 1;
      const pDigest = payloadDigest(entry.payload);
      const digest = entryDigest(entry, pDigest);
      const hash = chainHash(prev, seq, digest);
      prev = hash;
      eventRows.push([
        organisationId, seq, entry.id, entry.occurredAt, entry.actorAccountId, entry.actorKind, entry.action,
        entry.targetType, entry.targetId, entry.ip, pDigest, digest, hash,
      ]);
      if (entry.payload !== undefined && entry.payload !== null) {
        payloadRows.push([organisationId, seq, JSON.stringify(entry.payload)]);
      }
    }
    await insertRows(
      runner,
      'audit_events (organisation_id, seq, id, occurred_at, actor_account_id, actor_kind, action, target_type, target_id, ip, payload_digest, digest, hash)',
      eventRows,
    );
    if (payloadRows.length) {
      await insertRows(runner, 'audit_payloads (organisation_id, seq, payload)', payloadRows);
    }
    await runner.query('update audit_heads set last_seq = $2, last_hash = $3 where organisation_id = $1', [
      organisationId,
      seq,
      prev,
    ]);
  }
}

async function insertRows(runner: SqlRunner, target: string, rows: unknown[][]): Promise<void> {
  const width = rows[0]!.length;
  const values = rows
    .map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`)
    .join(', ');
  await runner.query(`insert into ${target} values ${values}`, rows.flat());
}
