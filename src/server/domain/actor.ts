import type { Permission, Role } from '../../core/permissions.ts';

/** Who is acting, in which organisation: built by the authentication layer, trusted by the domain. */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  accountId: string | null;
  organisationId: string;
  roles: readonly Role[];
  permissions: ReadonlySet<Permission>;
  instanceAdmin: boolean;
  ip?: string | undefined;
  sessionId?: string | undefined;
  tokenId?: string | undefined;
}

/** The system chain's organisation id: audit entries that belong to no organisation. */
export const SYSTEM_ORGANISATION_ID = '00000000-0000-0000-0000-000000000000';

/** An actor for CLI and maintenance work inside one organisation, with every permission of an admin. */
export function systemActor(organisationId: string, permissions: Iterable<Permission>): Actor {
  return {
    kind: 'system',
    accountId: null,
    organisationId,
    roles: [],
    permissions: new Set(permissions),
    instanceAdmin: true,
  };
}
