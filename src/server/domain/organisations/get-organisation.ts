import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import { findOrganisation, type OrganisationRecord } from '../../repositories/organisations.ts';
import type { Actor } from '../actor.ts';
import { authorize } from '../authorize.ts';
import { canSeeOrganisation } from './visibility.ts';

/** One organisation the actor may see; others are 404. */
export async function getOrganisation({ actor, id }: { actor: Actor; id: string }): Promise<OrganisationRecord> {
  authorize(actor, 'organisation.read');
  const organisation = await withTransaction(actor, (tx) => findOrganisation(tx, id));
  if (!organisation || !canSeeOrganisation(actor, organisation)) throw new AppError('NOT_FOUND');
  return organisation;
}
