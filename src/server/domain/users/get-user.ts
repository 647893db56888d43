import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import { findUser, type UserRecord } from '../../repositories/users.ts';
import type { Actor } from '../actor.ts';
import { authorize } from '../authorize.ts';

/** A user of the actor's organisation; users of other organisations are 404. Users may read themselves. */
export async function getUser({ actor, id }: { actor: Actor; id: string }): Promise<UserRecord> {
  if (id !== actor.accountId) authorize(actor, 'user.read');
  const user = await withTransaction(actor, (tx) => findUser(tx, actor.organisationId, id));
  if (!user) throw new AppError('NOT_FOUND');
  return user;
}
