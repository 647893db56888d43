import type { OrganisationView } from '../../../core/schemas/organisation.ts';
import type { OrganisationRecord } from '../../repositories/organisations.ts';

export function presentOrganisation(o: OrganisationRecord): OrganisationView {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    acronym: o.acronym,
    iatiType: o.iatiType,
    iatiIdentifier: o.iatiIdentifier,
    country: o.country,
    timeZone: o.timeZone,
    disclosureThreshold: o.disclosureThreshold,
    totpRequired: o.totpRequired,
    demo: o.demo,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
