import { withTransaction } from '../../db/transaction.ts';
import { listUsers as listRows, type UserRecord } from '../../repositories/users.ts';
import type { Actor } from '../actor.ts';
import { authorize } from '../authorize.ts';
import { decodeCursor, pageOf, type ListQuery, type Page } from '../pagination.ts';
import { presentUser } from './present-user.ts';

/** The users (memberships) of the actor's organisation, by email. */
export async function listUsers({
  actor,
  query,
}: {
  actor: Actor;
  query: ListQuery & { active?: boolean | undefined };
}): Promise<Page<ReturnType<typeof presentUser>>> {
  authorize(actor, 'user.read');
  const after = decodeCursor(query.cursor, ['string', 'uuid']);
  const rows = await withTransaction(actor, (tx) =>
    listRows(tx, actor.organisationId, {
      after,
      limit: query.limit,
      ...(query.active === undefined ? {} : { active: query.active }),
    }),
  );
  return pageOf(rows, query.limit, presentUser, (u: UserRecord) => [u.email.toLowerCase(), u.id]);
}
