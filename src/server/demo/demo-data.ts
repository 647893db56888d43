import type { Role } from '../../core/permissions.ts';

/**
 * The demo contract (DESIGN §7) as far as the foundation goes: the network and its secretariat, two
 * associations with one user per role, and the EU and IOM as external organisations. Later issues add the
 * programme, the Migrants Week 2021 campaign and synthetic people.
 */
export const DEMO_NETWORK_NAME = 'Réseau national des associations œuvrant dans le domaine de la migration';

export interface DemoOrganisation {
  acronym: string;
  name: string;
  kind: 'member' | 'external';
  iatiType?: string;
  iatiIdentifier?: string;
  domain?: string;
}

export const DEMO_SECRETARIAT: DemoOrganisation = {
  acronym: 'RNAM',
  name: 'Secrétariat du Réseau national des associations œuvrant dans le domaine de la migration',
  kind: 'member',
  iatiType: '22',
  domain: 'reseau.demo',
};

export const DEMO_ASSOCIATIONS: DemoOrganisation[] = [
  {
    acronym: 'AFM',
    name: 'Association Femmes et Migration (démo)',
    kind: 'member',
    iatiType: '22',
    // Made up for the demo: not a registered identifier.
    iatiIdentifier: 'MA-DEMO-AFM',
    domain: 'afm.demo',
  },
  { acronym: 'ASB', name: 'Association Solidarité Sans Bornes (démo)', kind: 'member', iatiType: '22', domain: 'asb.demo' },
];

export const DEMO_EXTERNALS: DemoOrganisation[] = [
  // Published IATI identifiers and types: EU (DG INTPA, multilateral/public sector) and IOM (multilateral).
  { acronym: 'EU', name: 'Union européenne — DG Partenariats internationaux', kind: 'external', iatiType: '40', iatiIdentifier: 'XI-IATI-EC_INTPA' },
  { acronym: 'IOM', name: 'Organisation internationale pour les migrations (OIM)', kind: 'external', iatiType: '40', iatiIdentifier: 'XM-DAC-47066' },
];

/** One user per role in each association; the secretariat has the network coordinator. */
export const DEMO_ROLE_USERS: Array<{ local: string; role: Role }> = [
  { local: 'admin', role: 'org_admin' },
  { local: 'manager', role: 'programme_manager' },
  { local: 'caseworker', role: 'case_worker' },
  { local: 'field', role: 'field_agent' },
  { local: 'health', role: 'health_worker' },
  { local: 'psychosocial', role: 'psychosocial_worker' },
  { local: 'viewer', role: 'viewer' },
];
