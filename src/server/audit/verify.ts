import type { Database } from '../db/client.ts';
import { chainHash, entryDigest, GENESIS_HASH, payloadDigest } from './chain.ts';

export interface BrokenEntry {
  organisationId: string;
  seq: number;
  id: string | null;
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  entries: number;
  broken: BrokenEntry | null;
}

interface EventRow {
  seq: number;
  id: string;
  occurred_at: Date;
  actor_account_id: string | null;
  actor_kind: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  payload_digest: Uint8Array;
  digest: Uint8Array;
  hash: Uint8Array;
  payload: unknown;
}

const PAGE = 2_000;

/**
 * Walks every organisation's audit chain in pages (each its own short read) and stops at the first entry
 * that does not verify: a changed field, a changed payload, a missing or reordered entry, or a head that
 * does not match the chain's end. Erased payloads are fine: the chain covers their digest.
 */
export async function verifyAuditChains(
  db: Database,
  onProgress?: (organisationId: string, entries: number) => void,
): Promise<VerifyResult> {
  const heads = await db.query<{ organisation_id: string; last_seq: number; last_hash: Uint8Array }>(
    'select organisation_id, last_seq, last_hash from audit_heads order by organisation_id',
  );
  const orphans = await db.query<{ organisation_id: string; seq: number; id: string }>(
    `select e.organisation_id, e.seq, e.id from audit_events e
     left join audit_heads h on h.organisation_id = e.organisation_id
     where h.organisation_id is null or e.seq > h.last_seq order by e.organisation_id, e.seq limit 1`,
  );
  if (orphans[0]) {
    const o = orphans[0];
    return { ok: false, chains: heads.length, entries: 0, broken: { organisationId: o.organisation_id, seq: o.seq, id: o.id, reason: 'entry beyond the chain head' } };
  }
  let entries = 0;
  for (const head of heads) {
    const organisationId = head.organisation_id;
    let prev: Buffer = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const rows = await db.query<EventRow>(
        `select e.seq, e.id, e.occurred_at, e.actor_account_id, e.actor_kind, e.action, e.target_type, e.target_id,
                e.ip, e.payload_digest, e.digest, e.hash, p.payload
         from audit_events e left join audit_payloads p on p.organisation_id = e.organisation_id and p.seq = e.seq
         where e.organisation_id = $1 and e.seq >= $2 order by e.seq limit $3`,
        [organisationId, expectedSeq, PAGE],
      );
      for (const row of rows) {
        const broken = (reason: string): VerifyResult => ({
          ok: false,
          chains: heads.length,
          entries,
          broken: { organisationId, seq: row.seq, id: row.id, reason },
        });
        if (row.seq !== expectedSeq) {
          return { ok: false, chains: heads.length, entries, broken: { organisationId, seq: expectedSeq, id: null, reason: 'entry missing' } };
        }
        const storedPayloadDigest = Buffer.from(row.payload_digest);
        if (row.payload !== null && !payloadDigest(row.payload).equals(storedPayloadDigest)) {
          return broken('payload does not match its digest');
        }
        const digest = entryDigest(
          {
            organisationId,
            id: row.id,
            occurredAt: row.occurred_at,
            actorAccountId: row.actor_account_id,
            actorKind: row.actor_kind,
            action: row.action,
            targetType: row.target_type,
            targetId: row.target_id,
            ip: row.ip,
          },
          storedPayloadDigest,
        );
        if (!digest.equals(Buffer.from(row.digest))) return broken('entry fields do not match their digest');
        const hash = chainHash(prev, row.seq, digest);
        if (!hash.equals(Buffer.from(row.hash))) return broken('hash does not follow from the previous entry');
        prev = hash;
        expectedSeq += 1;
        entries += 1;
      }
      onProgress?.(organisationId, entries);
      if (rows.length < PAGE) break;
    }
    if (expectedSeq - 1 !== head.last_seq) {
      return { ok: false, chains: heads.length, entries, broken: { organisationId, seq: expectedSeq, id: null, reason: 'entries missing before the chain head' } };
    }
    if (!prev.equals(Buffer.from(head.last_hash))) {
      return { ok: false, chains: heads.length, entries, broken: { organisationId, seq: head.last_seq, id: null, reason: 'chain head does not match the last entry' } };
    }
  }
  return { ok: true, chains: heads.length, entries, broken: null };
}
