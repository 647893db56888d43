import type { OrganisationRecord } from '../../repositories/organisations.ts';
import type { Actor } from '../actor.ts';

/**
 * The one predicate for "may this actor see this organisation": its own, the external organisations it
 * recorded, and every organisation for instance administrators. Lists use the same rule in SQL.
 */
export function canSeeOrganisation(actor: Actor, o: OrganisationRecord): boolean {
  return actor.instanceAdmin || o.id === actor.organisationId || o.createdByOrganisationId === actor.organisationId;
}

/** Whether the actor's organisation administers this record (itself, or an external one it recorded). */
export function administersOrganisation(actor: Actor, o: OrganisationRecord): boolean {
  return o.id === actor.organisationId || o.createdByOrganisationId === actor.organisationId;
}
