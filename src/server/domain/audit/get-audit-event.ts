import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import { findAuditEvent } from '../../repositories/audit-events.ts';
import type { Actor } from '../actor.ts';
import { authorize } from '../authorize.ts';

export async function getAuditEvent({ actor, id }: { actor: Actor; id: string }) {
  authorize(actor, 'audit.read');
  const event = await withTransaction(actor, (tx) => findAuditEvent(tx, actor.organisationId, id));
  if (!event) throw new AppError('NOT_FOUND');
  return event;
}
