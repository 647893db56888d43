import { z } from 'zod';
import { Timestamp, Uuid } from './common.ts';

export const AuditEventView = z.object({
  id: Uuid,
  seq: z.number().int(),
  occurredAt: Timestamp,
  actorAccountId: Uuid.nullable(),
  actorKind: z.enum(['user', 'token', 'system', 'anonymous']),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  payload: z.unknown().describe('null when erased or absent'),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditEventQuery = z.object({
  action: z.string().max(100).optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  actorAccountId: Uuid.optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
});
