import { withTransaction } from '../../db/transaction.ts';
import { listAuditEvents as listRows, type AuditEventRecord, type AuditFilter } from '../../repositories/audit-events.ts';
import type { Actor } from '../actor.ts';
import { authorize } from '../authorize.ts';
import { decodeCursor, pageOf, type ListQuery } from '../pagination.ts';
import { presentAuditEvent } from './present-audit-event.ts';

/** The organisation's audit trail, newest first. */
export async function listAuditEvents({ actor, query }: { actor: Actor; query: ListQuery & AuditFilter }) {
  authorize(actor, 'audit.read');
  const cursor = decodeCursor(query.cursor, ['int']);
  const rows = await withTransaction(actor, (tx) =>
    listRows(tx, actor.organisationId, query, { beforeSeq: cursor ? Number(cursor[0]) : null, limit: query.limit }),
  );
  return pageOf(rows, query.limit, presentAuditEvent, (e: AuditEventRecord) => [e.seq]);
}
