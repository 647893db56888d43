import { withTransaction } from '../../db/transaction.ts';
import { listVisibleOrganisations, type OrganisationRecord } from '../../repositories/organisations.ts';
import type { Actor } from '../actor.ts';
import { authorize } from '../authorize.ts';
import { decodeCursor, pageOf, type ListQuery, type Page } from '../pagination.ts';
import { presentOrganisation } from './present-organisation.ts';

/** Organisations visible to the actor's organisation (itself and the external ones it recorded). */
export async function listOrganisations({
  actor,
  query,
}: {
  actor: Actor;
  query: ListQuery & { kind?: 'member' | 'external' | undefined };
}): Promise<Page<ReturnType<typeof presentOrganisation>>> {
  authorize(actor, 'organisation.read');
  const after = decodeCursor(query.cursor, ['string', 'uuid']);
  const rows = await withTransaction(actor, (tx) =>
    listVisibleOrganisations(tx, actor.organisationId, {
      after,
      limit: query.limit,
      ...(query.kind ? { kind: query.kind } : {}),
    }),
  );
  return pageOf(rows, query.limit, presentOrganisation, (o: OrganisationRecord) => [o.name, o.id]);
}
