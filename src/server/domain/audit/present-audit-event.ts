import type { AuditEventView } from '../../../core/schemas/audit.ts';
import type { AuditEventRecord } from '../../repositories/audit-events.ts';

export function presentAuditEvent(e: AuditEventRecord): AuditEventView {
  return { ...e, occurredAt: e.occurredAt.toISOString(), payload: e.payload ?? null };
}
