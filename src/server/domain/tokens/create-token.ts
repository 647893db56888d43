import { v7 as uuidv7 } from 'uuid';
import type { TokenCreate } from '../../../core/schemas/token.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import { findToken, insertToken, type TokenRecord } from '../../repositories/tokens.ts';
import { hashSecret, newSecret } from '../../security/secrets.ts';
import { now } from '../../services.ts';
import type { Actor } from '../actor.ts';
import { authorize } from '../authorize.ts';
import { claimCreate } from '../idempotency.ts';

/**
 * Creates an API token for the actor's own account in the actor's organisation. The secret is returned
 * once and stored only as a hash; a replayed create returns the token without its secret.
 */
export async function createToken({
  actor,
  input,
}: {
  actor: Actor;
  input: TokenCreate;
}): Promise<{ token: TokenRecord; secret: string | null; created: boolean }> {
  authorize(actor, 'token.manage_own');
  if (!actor.accountId) throw new AppError('FORBIDDEN', { message: 'Tokens belong to a user account.' });
  const id = input.id ?? uuidv7();
  const secret = newSecret('sanad');
  return withTransaction(actor, async (tx) => {
    const { replay } = await claimCreate(tx, 'token', id, input);
    if (replay) {
      const existing = await findToken(tx, actor.organisationId, id);
      if (existing && existing.accountId === actor.accountId) return { token: existing, secret: null, created: false };
      throw new AppError('IDEMPOTENCY_CONFLICT', { details: { id } });
    }
    const token = await insertToken(tx, {
      id,
      organisationId: actor.organisationId,
      accountId: actor.accountId!,
      name: input.name,
      prefix: secret.slice(0, 12),
      hash: hashSecret(secret),
      createdAt: now(),
    });
    tx.audit({ action: 'token.created', targetType: 'api_token', targetId: id, payload: { name: input.name } });
    return { token, secret, created: true };
  });
}
