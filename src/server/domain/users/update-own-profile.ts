import { withTransaction } from '../../db/transaction.ts';
import { now } from '../../services.ts';
import type { Actor } from '../actor.ts';
import { AppError } from '../../errors/app-error.ts';

/** A user changes their own display name or language (remembered for every organisation). */
export async function updateOwnProfile({
  actor,
  input,
}: {
  actor: Actor;
  input: { displayName?: string | undefined; locale?: 'fr' | 'ar' | 'en' | undefined };
}): Promise<void> {
  if (!actor.accountId) throw new AppError('FORBIDDEN');
  await withTransaction(actor, async (tx) => {
    await tx.query(
      `update accounts set display_name = coalesce($2, display_name), locale = coalesce($3, locale),
         version = version + 1, updated_at = $4 where id = $1`,
      [actor.accountId, input.displayName ?? null, input.locale ?? null, now()],
    );
    tx.audit({ action: 'account.profile_updated', targetType: 'account', targetId: actor.accountId!, payload: { fields: Object.keys(input) } });
  });
}
