import type { MeView } from '../../core/schemas/me.ts';
import type { AuthContext } from '../auth/authenticate.ts';
import { membershipsOf } from '../auth/switch-organisation.ts';

/**
 * `GET /me`: who is signed in, in which organisation, with which roles and permissions. The account was
 * read by authentication in this same request, so only the memberships need a query.
 */
export async function presentMe(auth: AuthContext): Promise<MeView> {
  const { actor, account } = auth;
  const memberships = await membershipsOf(account.id);
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    locale: account.locale,
    organisationId: actor.organisationId,
    roles: [...actor.roles],
    permissions: [...actor.permissions].sort(),
    instanceAdmin: actor.instanceAdmin,
    mustChangePassword: auth.mustChangePassword,
    organisations: memberships.map((m) => ({ id: m.organisationId, name: m.organisationName, acronym: m.acronym, roles: m.roles })),
  };
}
