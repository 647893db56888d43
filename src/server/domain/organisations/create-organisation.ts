import { v7 as uuidv7 } from 'uuid';
import type { OrganisationCreate } from '../../../core/schemas/organisation.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import {
  findOrganisation,
  findOrganisationByAcronym,
  insertOrganisation,
  type OrganisationRecord,
} from '../../repositories/organisations.ts';
import { now } from '../../services.ts';
import type { Actor } from '../actor.ts';
import { authorize } from '../authorize.ts';
import { claimCreate } from '../idempotency.ts';
import { assertIatiOrganisationType } from './validate-iati-type.ts';

/**
 * Creates an organisation. Member organisations (they have users and own data) are created by instance
 * administrators only; any `org_admin` may record external ones (donors, partners) for programme roles.
 * Idempotent on `input.id`.
 */
export async function createOrganisation({
  actor,
  input,
  demo = false,
}: {
  actor: Actor;
  input: OrganisationCreate;
  demo?: boolean;
}): Promise<{ organisation: OrganisationRecord; created: boolean }> {
  if (input.kind === 'member') {
    if (!actor.instanceAdmin) {
      throw new AppError('FORBIDDEN', { message: 'Only an instance administrator may create member organisations.' });
    }
    if (!input.acronym) {
      throw new AppError('VALIDATION_FAILED', {
        details: [{ path: 'acronym', message: 'A member organisation needs an acronym (it prefixes its codes).' }],
      });
    }
  } else {
    authorize(actor, 'organisation.create_external');
  }
  assertIatiOrganisationType(input.iatiType);
  const id = input.id ?? uuidv7();
  return withTransaction(actor, async (tx) => {
    const { replay } = await claimCreate(tx, 'organisation', id, input);
    if (replay) {
      const existing = await findOrganisation(tx, id);
      if (existing) return { organisation: existing, created: false };
    }
    if (input.acronym && (await findOrganisationByAcronym(tx, input.acronym))) {
      throw new AppError('ACRONYM_TAKEN', { details: { acronym: input.acronym } });
    }
    if (await findOrganisation(tx, id)) throw new AppError('IDEMPOTENCY_CONFLICT', { details: { id } });
    const organisation = await insertOrganisation(tx, {
      id,
      kind: input.kind,
      name: input.name,
      acronym: input.acronym ?? null,
      iatiType: input.iatiType ?? null,
      iatiIdentifier: input.iatiIdentifier ?? null,
      country: input.country ?? 'MA',
      timeZone: input.timeZone ?? 'Africa/Casablanca',
      disclosureThreshold: input.disclosureThreshold ?? 5,
      totpRequired: input.totpRequired ?? false,
      demo,
      createdByOrganisationId: input.kind === 'external' ? actor.organisationId : null,
      createdAt: now(),
    });
    tx.audit({ action: 'organisation.created', targetType: 'organisation', targetId: id, payload: { kind: input.kind, name: input.name, acronym: input.acronym ?? null } });
    return { organisation, created: true };
  });
}
