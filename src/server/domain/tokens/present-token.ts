import type { TokenView } from '../../../core/schemas/token.ts';
import type { TokenRecord } from '../../repositories/tokens.ts';

export function presentToken(t: TokenRecord): TokenView {
  return {
    id: t.id,
    accountId: t.accountId,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}
