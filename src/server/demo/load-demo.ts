import { v7 as uuidv7 } from 'uuid';
import { PERMISSIONS, type Role } from '../../core/permissions.ts';
import { withOwnerTransaction } from '../db/transaction.ts';
import { SYSTEM_ORGANISATION_ID, systemActor } from '../domain/actor.ts';
import { createOrganisation } from '../domain/organisations/create-organisation.ts';
import { createUser } from '../domain/users/create-user.ts';
import { findOrganisationByAcronym, type OrganisationRecord } from '../repositories/organisations.ts';
import { findAccountIdByEmail } from '../repositories/users.ts';
import { now } from '../services.ts';
import {
  DEMO_ASSOCIATIONS,
  DEMO_EXTERNALS,
  DEMO_NETWORK_NAME,
  DEMO_ROLE_USERS,
  DEMO_SECRETARIAT,
  type DemoOrganisation,
} from './demo-data.ts';

export interface DemoCredential {
  email: string;
  password: string;
  organisation: string;
  role: Role;
}

export interface DemoResult {
  /** Accounts created by this run, with passwords shown once. Empty when the demo was already loaded. */
  credentials: DemoCredential[];
  organisations: number;
}

const instanceActor = systemActor(SYSTEM_ORGANISATION_ID, PERMISSIONS);

/**
 * Loads the demo (DESIGN §7). Idempotent: what exists is left as it is, and passwords are printed only for
 * accounts this run created. `admin@afm.demo` is also the instance administrator.
 */
export async function loadDemo(): Promise<DemoResult> {
  const credentials: DemoCredential[] = [];
  const secretariat = await ensureOrganisation(DEMO_SECRETARIAT, instanceActor);
  const associations: OrganisationRecord[] = [];
  for (const association of DEMO_ASSOCIATIONS) associations.push(await ensureOrganisation(association, instanceActor));
  const afm = associations[0]!;
  for (const external of DEMO_EXTERNALS) {
    await ensureOrganisation(external, systemActor(afm.id, PERMISSIONS));
  }
  await ensureNetwork(secretariat, associations);

  for (const [index, association] of associations.entries()) {
    const domain = DEMO_ASSOCIATIONS[index]!.domain!;
    for (const { local, role } of DEMO_ROLE_USERS) {
      const created = await ensureUser(association, `${local}@${domain}`, role);
      if (created) credentials.push(created);
    }
  }
  const coordinator = await ensureUser(secretariat, `coordinator@${DEMO_SECRETARIAT.domain}`, 'network_coordinator');
  if (coordinator) credentials.push(coordinator);
  const secretariatAdmin = await ensureUser(secretariat, `admin@${DEMO_SECRETARIAT.domain}`, 'org_admin');
  if (secretariatAdmin) credentials.push(secretariatAdmin);

  await withOwnerTransaction('demo.instance-admin', async (tx) => {
    await tx.query("update accounts set instance_admin = true where lower(email) = 'admin@afm.demo'");
  });
  return { credentials, organisations: 3 + DEMO_EXTERNALS.length };
}

async function ensureOrganisation(spec: DemoOrganisation, actor: typeof instanceActor): Promise<OrganisationRecord> {
  const existing = await withOwnerTransaction('demo.lookup', (tx) => findOrganisationByAcronym(tx, spec.acronym));
  if (existing) return existing;
  const { organisation } = await createOrganisation({
    actor,
    demo: true,
    input: {
      kind: spec.kind,
      name: spec.name,
      acronym: spec.acronym,
      ...(spec.iatiType ? { iatiType: spec.iatiType } : {}),
      ...(spec.iatiIdentifier ? { iatiIdentifier: spec.iatiIdentifier } : {}),
      ...(spec.kind === 'external' ? { country: spec.acronym === 'EU' ? 'BE' : 'CH' } : {}),
    },
  });
  return organisation;
}

async function ensureNetwork(secretariat: OrganisationRecord, members: OrganisationRecord[]): Promise<void> {
  await withOwnerTransaction('demo.network', async (tx) => {
    const at = now();
    const [existing] = await tx.query<{ id: string }>('select id from networks where lower(name) = lower($1)', [DEMO_NETWORK_NAME]);
    const id = existing?.id ?? uuidv7();
    if (!existing) {
      await tx.query(
        `insert into networks (id, name, secretariat_organisation_id, demo, created_at, updated_at)
         values ($1, $2, $3, true, $4, $4)`,
        [id, DEMO_NETWORK_NAME, secretariat.id, at],
      );
    }
    for (const member of [secretariat, ...members]) {
      await tx.query(
        `insert into network_members (network_id, member_organisation_id, joined_at) values ($1, $2, $3)
         on conflict do nothing`,
        [id, member.id, at],
      );
    }
  });
}

async function ensureUser(organisation: OrganisationRecord, email: string, role: Role): Promise<DemoCredential | null> {
  const exists = await withOwnerTransaction('demo.lookup', (tx) => findAccountIdByEmail(tx, email));
  if (exists) return null;
  const { initialPassword } = await createUser({
    actor: systemActor(organisation.id, PERMISSIONS),
    input: { email, displayName: demoDisplayName(email), roles: [role] },
  });
  return { email, password: initialPassword!, organisation: organisation.acronym!, role };
}

function demoDisplayName(email: string): string {
  const [local, domain] = email.split('@');
  return `${local![0]!.toUpperCase()}${local!.slice(1)} (${domain!.split('.')[0]!.toUpperCase()})`;
}
