import type { MeView } from '../../core/schemas/me.ts';
import { accountOverview } from '../auth/account-overview.ts';
import type { AuthContext } from '../auth/authenticate.ts';

/**
 * `GET /me`: who is signed in, in which organisation, with which roles and permissions, and the state of
 * the second factor. The account was read by authentication in this same request, so only the memberships
 * (and the count of recovery codes) need a query.
 */
export async function presentMe(auth: AuthContext): Promise<MeView> {
  const { actor, account } = auth;
  const { memberships, recoveryCodesRemaining } = await accountOverview(account.id, auth.totpEnabled);
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
    totpEnabled: auth.totpEnabled,
    totpRequired: auth.totpRequired,
    mustEnrolTotp: auth.mustEnrolTotp,
    recoveryCodesRemaining,
    organisations: memberships.map((m) => ({ id: m.organisationId, name: m.organisationName, acronym: m.acronym, roles: m.roles })),
  };
}
