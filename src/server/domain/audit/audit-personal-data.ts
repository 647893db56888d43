import type { Tx } from '../../db/transaction.ts';

/**
 * The helper later features use to audit access to personal data (DESIGN §2): opening a record, a
 * sensitive entry or an export is one entry; a search is one entry for the whole result, not one per row.
 */
export function auditPersonalDataRead(
  tx: Tx,
  read: { targetType: string; targetId?: string; purpose?: string; resultCount?: number },
): void {
  tx.audit({
    action: `${read.targetType}.read`,
    targetType: read.targetType,
    ...(read.targetId ? { targetId: read.targetId } : {}),
    payload: { purpose: read.purpose ?? null, resultCount: read.resultCount ?? null },
  });
}

/** Audits a write of personal data; `fields` names what changed, never the values. */
export function auditPersonalDataWrite(
  tx: Tx,
  write: { action: string; targetType: string; targetId: string; fields?: readonly string[] },
): void {
  tx.audit({
    action: write.action,
    targetType: write.targetType,
    targetId: write.targetId,
    payload: { fields: write.fields ?? [] },
  });
}
