import type { SqlRunner } from '../db/client.ts';

/** Queries on the global organisations table; plain rows in, plain objects out, no rules. */
export interface OrganisationRecord {
  id: string;
  kind: 'member' | 'external';
  name: string;
  acronym: string | null;
  iatiType: string | null;
  iatiIdentifier: string | null;
  country: string;
  timeZone: string;
  disclosureThreshold: number;
  totpRequired: boolean;
  demo: boolean;
  createdByOrganisationId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, kind, name, acronym, iati_type as "iatiType", iati_identifier as "iatiIdentifier", country,
  time_zone as "timeZone", disclosure_threshold as "disclosureThreshold", totp_required as "totpRequired", demo,
  created_by_organisation_id as "createdByOrganisationId", version, created_at as "createdAt",
  updated_at as "updatedAt"`;

export async function findOrganisation(db: SqlRunner, id: string): Promise<OrganisationRecord | null> {
  const [row] = await db.query<OrganisationRecord>(`select ${COLUMNS} from organisations where id = $1`, [id]);
  return row ?? null;
}

export async function findOrganisationByAcronym(db: SqlRunner, acronym: string): Promise<OrganisationRecord | null> {
  const [row] = await db.query<OrganisationRecord>(`select ${COLUMNS} from organisations where acronym = $1`, [
    acronym.toUpperCase(),
  ]);
  return row ?? null;
}

/**
 * Organisations an organisation's users can see: itself, the member organisations its account holders
 * share (none yet) and the external organisations it recorded. Keyset-paged by (name, id).
 */
export async function listVisibleOrganisations(
  db: SqlRunner,
  viewerOrganisationId: string,
  options: { kind?: 'member' | 'external'; after: (string | number)[] | null; limit: number },
): Promise<OrganisationRecord[]> {
  const params: unknown[] = [viewerOrganisationId, options.limit + 1];
  let where = '(id = $1 or created_by_organisation_id = $1)';
  if (options.kind) {
    params.push(options.kind);
    where += ` and kind = $${params.length}`;
  }
  if (options.after) {
    params.push(options.after[0], options.after[1]);
    where += ` and (name, id) > ($${params.length - 1}, $${params.length}::uuid)`;
  }
  return db.query<OrganisationRecord>(
    `select ${COLUMNS} from organisations where ${where} order by name, id limit $2`,
    params,
  );
}

export async function insertOrganisation(
  db: SqlRunner,
  o: Omit<OrganisationRecord, 'version' | 'updatedAt'>,
): Promise<OrganisationRecord> {
  const [row] = await db.query<OrganisationRecord>(
    `insert into organisations (id, kind, name, acronym, iati_type, iati_identifier, country, time_zone,
       disclosure_threshold, totp_required, demo, created_by_organisation_id, version, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $13, $13)
     on conflict (id) do nothing
     returning ${COLUMNS}`,
    [o.id, o.kind, o.name, o.acronym, o.iatiType, o.iatiIdentifier, o.country, o.timeZone, o.disclosureThreshold,
      o.totpRequired, o.demo, o.createdByOrganisationId, o.createdAt],
  );
  return row!;
}

export async function updateOrganisation(
  db: SqlRunner,
  id: string,
  version: number,
  patch: Partial<
    Pick<OrganisationRecord, 'name' | 'acronym' | 'iatiType' | 'iatiIdentifier' | 'country' | 'timeZone' | 'disclosureThreshold' | 'totpRequired'>
  >,
  at: Date,
): Promise<OrganisationRecord | null> {
  const columns: Record<string, string> = {
    name: 'name', acronym: 'acronym', iatiType: 'iati_type', iatiIdentifier: 'iati_identifier', country: 'country',
    timeZone: 'time_zone', disclosureThreshold: 'disclosure_threshold', totpRequired: 'totp_required',
  };
  const params: unknown[] = [id, version, at];
  const sets = Object.entries(patch)
    .filter(([k, v]) => v !== undefined && columns[k])
    .map(([k, v]) => {
      params.push(v);
      return `${columns[k]} = $${params.length}`;
    });
  const [row] = await db.query<OrganisationRecord>(
    `update organisations set ${[...sets, 'version = version + 1', 'updated_at = $3'].join(', ')}
     where id = $1 and version = $2 returning ${COLUMNS}`,
    params,
  );
  return row ?? null;
}
