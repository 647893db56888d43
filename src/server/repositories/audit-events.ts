import type { SqlRunner } from '../db/client.ts';

export interface AuditEventRecord {
  id: string;
  seq: number;
  occurredAt: Date;
  actorAccountId: string | null;
  actorKind: 'user' | 'token' | 'system' | 'anonymous';
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  payload: unknown;
}

const SELECT = `select e.id, e.seq, e.occurred_at as "occurredAt", e.actor_account_id as "actorAccountId",
    e.actor_kind as "actorKind", e.action, e.target_type as "targetType", e.target_id as "targetId", e.ip,
    p.payload
  from audit_events e left join audit_payloads p on p.organisation_id = e.organisation_id and p.seq = e.seq`;

export interface AuditFilter {
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  actorAccountId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export async function listAuditEvents(
  db: SqlRunner,
  organisationId: string,
  filter: AuditFilter,
  options: { beforeSeq: number | null; limit: number },
): Promise<AuditEventRecord[]> {
  const params: unknown[] = [organisationId, options.limit + 1];
  const where = ['e.organisation_id = $1'];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (filter.action) add('e.action = ?', filter.action);
  if (filter.targetType) add('e.target_type = ?', filter.targetType);
  if (filter.targetId) add('e.target_id = ?', filter.targetId);
  if (filter.actorAccountId) add('e.actor_account_id = ?', filter.actorAccountId);
  if (filter.from) add('e.occurred_at >= ?', new Date(filter.from));
  if (filter.to) add('e.occurred_at < ?', new Date(filter.to));
  if (options.beforeSeq !== null) add('e.seq < ?', options.beforeSeq);
  return db.query<AuditEventRecord>(`${SELECT} where ${where.join(' and ')} order by e.seq desc limit $2`, params);
}

export async function findAuditEvent(db: SqlRunner, organisationId: string, id: string): Promise<AuditEventRecord | null> {
  const [row] = await db.query<AuditEventRecord>(`${SELECT} where e.organisation_id = $1 and e.id = $2`, [
    organisationId,
    id,
  ]);
  return row ?? null;
}
