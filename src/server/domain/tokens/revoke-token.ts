import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import { findToken, revokeToken as revokeRow, type TokenRecord } from '../../repositories/tokens.ts';
import { now } from '../../services.ts';
import type { Actor } from '../actor.ts';
import { authorize, can } from '../authorize.ts';

/** Revokes a token: the owner may revoke their own, administrators any of the organisation's. */
export async function revokeToken({ actor, id }: { actor: Actor; id: string }): Promise<TokenRecord> {
  authorize(actor, 'token.manage_own');
  return withTransaction(actor, async (tx) => {
    const token = await findToken(tx, actor.organisationId, id);
    if (!token || (token.accountId !== actor.accountId && !can(actor, 'user.manage'))) throw new AppError('NOT_FOUND');
    await revokeRow(tx, actor.organisationId, id, now());
    tx.audit({ action: 'token.revoked', targetType: 'api_token', targetId: id });
    return (await findToken(tx, actor.organisationId, id))!;
  });
}
