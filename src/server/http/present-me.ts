import type { MeView } from '../../core/schemas/me.ts';
import type { AuthContext } from '../auth/authenticate.ts';
import { findAccountProfile } from '../auth/account-profile.ts';
import { membershipsOf } from '../auth/switch-organisation.ts';

/** `GET /me`: who is signed in, in which organisation, with which roles and permissions. */
export async function presentMe(auth: AuthContext): Promise<MeView> {
  const { actor } = auth;
  const [profile, memberships] = await Promise.all([
    findAccountProfile(actor.accountId!),
    membershipsOf(actor.accountId!),
  ]);
  return {
    id: actor.accountId!,
    email: profile.email,
    displayName: profile.displayName,
    locale: profile.locale,
    organisationId: actor.organisationId,
    roles: [...actor.roles],
    permissions: [...actor.permissions].sort(),
    instanceAdmin: actor.instanceAdmin,
    mustChangePassword: profile.passwordMustChange,
    organisations: memberships.map((m) => ({ id: m.organisationId, name: m.organisationName, acronym: m.acronym, roles: m.roles })),
  };
}
