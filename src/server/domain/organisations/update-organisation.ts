import type { OrganisationUpdate } from '../../../core/schemas/organisation.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import {
  findOrganisation,
  findOrganisationByAcronym,
  updateOrganisation as updateRow,
  type OrganisationRecord,
} from '../../repositories/organisations.ts';
import { now } from '../../services.ts';
import type { Actor } from '../actor.ts';
import { authorize } from '../authorize.ts';
import { presentOrganisation } from './present-organisation.ts';
import { assertIatiOrganisationType } from './validate-iati-type.ts';
import { administersOrganisation } from './visibility.ts';

/** Changes an organisation's profile (the actor's own, or an external one it recorded); optimistic on version. */
export async function updateOrganisation({
  actor,
  id,
  input,
}: {
  actor: Actor;
  id: string;
  input: OrganisationUpdate;
}): Promise<OrganisationRecord> {
  assertIatiOrganisationType(input.iatiType);
  return withTransaction(actor, async (tx) => {
    const current = await findOrganisation(tx, id);
    if (!current || !(administersOrganisation(actor, current) || actor.instanceAdmin)) throw new AppError('NOT_FOUND');
    authorize(actor, 'organisation.manage');
    if (current.version !== input.version) {
      throw new AppError('ORGANISATION_VERSION_CONFLICT', { details: { current: presentOrganisation(current) } });
    }
    if (input.acronym && input.acronym !== current.acronym && (await findOrganisationByAcronym(tx, input.acronym))) {
      throw new AppError('ACRONYM_TAKEN', { details: { acronym: input.acronym } });
    }
    const { version, ...patch } = input;
    const updated = await updateRow(tx, id, version, patch, now());
    if (!updated) throw new AppError('ORGANISATION_VERSION_CONFLICT', { details: { current: presentOrganisation(current) } });
    // The second-factor requirement is a security setting: the trail keeps its value, not only its name.
    const security = patch.totpRequired === undefined ? {} : { totpRequired: patch.totpRequired };
    tx.audit({ action: 'organisation.updated', targetType: 'organisation', targetId: id, payload: { changed: Object.keys(patch), ...security } });
    return updated;
  });
}
