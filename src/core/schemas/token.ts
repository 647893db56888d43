import { z } from 'zod';
import { Timestamp, Uuid } from './common.ts';

export const TokenCreate = z.strictObject({
  id: Uuid.optional(),
  name: z.string().trim().min(1).max(100).describe('What the token is for, e.g. "KoBo sync"'),
});
export type TokenCreate = z.infer<typeof TokenCreate>;

export const TokenView = z.object({
  id: Uuid,
  accountId: Uuid,
  name: z.string(),
  prefix: z.string().describe('The first characters of the secret, to recognise it'),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type TokenView = z.infer<typeof TokenView>;

export const TokenCreated = TokenView.extend({
  token: z.string().nullable().describe('The secret, shown once (null when replaying a create)'),
});
