import { createHash } from 'node:crypto';

/**
 * The audit hash chain (DESIGN §2): `hash = sha256(prev_hash ‖ seq ‖ digest)`, where `digest` covers the
 * entry's fields and the digest of its payload. Payloads can be erased without breaking the chain.
 */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

export interface ChainFields {
  organisationId: string;
  id: string;
  occurredAt: Date;
  actorAccountId: string | null;
  actorKind: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
}

export function payloadDigest(payload: unknown): Buffer {
  return sha256(canonicalJson(payload ?? null));
}

export function entryDigest(fields: ChainFields, payloadDigestValue: Buffer): Buffer {
  return sha256(
    canonicalJson({
      organisationId: fields.organisationId,
      id: fields.id,
      occurredAt: fields.occurredAt.toISOString(),
      actorAccountId: fields.actorAccountId,
      actorKind: fields.actorKind,
      action: fields.action,
      targetType: fields.targetType,
      targetId: fields.targetId,
      ip: fields.ip,
      payloadDigest: payloadDigestValue.toString('hex'),
    }),
  );
}

export function chainHash(prevHash: Buffer, seq: number, digest: Buffer): Buffer {
  const seqBytes = Buffer.alloc(8);
  seqBytes.writeBigUInt64BE(BigInt(seq));
  return createHash('sha256').update(prevHash).update(seqBytes).update(digest).digest();
}

/** JSON with object keys sorted, so the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
