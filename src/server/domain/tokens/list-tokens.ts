import { withTransaction } from '../../db/transaction.ts';
import { listTokens as listRows, type TokenRecord } from '../../repositories/tokens.ts';
import type { Actor } from '../actor.ts';
import { authorize, can } from '../authorize.ts';
import { decodeCursor, pageOf, type ListQuery } from '../pagination.ts';
import { presentToken } from './present-token.ts';

/** The actor's own tokens; administrators (user.manage) see every token of the organisation. */
export async function listTokens({ actor, query }: { actor: Actor; query: ListQuery }) {
  authorize(actor, 'token.manage_own');
  const after = decodeCursor(query.cursor, ['uuid']);
  const rows = await withTransaction(actor, (tx) =>
    listRows(tx, actor.organisationId, {
      after,
      limit: query.limit,
      ...(can(actor, 'user.manage') || !actor.accountId ? {} : { accountId: actor.accountId }),
    }),
  );
  return pageOf(rows, query.limit, presentToken, (t: TokenRecord) => [t.id]);
}
