import { withOwnerTransaction } from '../../db/transaction.ts';
import { findOrganisationByAcronym, type OrganisationRecord } from '../../repositories/organisations.ts';
import { CliError } from '../cli-error.ts';

/** The member organisation with this acronym, or a clear error. */
export async function memberOrganisationByAcronym(acronym: string): Promise<OrganisationRecord> {
  const organisation = await withOwnerTransaction('cli.find-organisation', (tx) => findOrganisationByAcronym(tx, acronym));
  if (!organisation) throw new CliError(`No organisation has the acronym ${acronym.toUpperCase()}. Create it with: sanad org add --name NAME --acronym ${acronym.toUpperCase()}`);
  if (organisation.kind !== 'member') throw new CliError(`${organisation.acronym} is an external organisation: it has no users.`);
  return organisation;
}
