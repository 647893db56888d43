import { PERMISSIONS, type Role } from '../../../core/permissions.ts';
import { systemActor } from '../../domain/actor.ts';
import { createUser } from '../../domain/users/create-user.ts';
import { memberOrganisationByAcronym } from './find-organisation.ts';

export interface AddUserRequest {
  organisation: string;
  email: string;
  roles: Role[];
  displayName?: string | undefined;
  password?: string | undefined;
}

/** `sanad user add`: an account (or a membership) in a member organisation; shared with the local admin endpoint. */
export async function addUser(request: AddUserRequest) {
  const organisation = await memberOrganisationByAcronym(request.organisation);
  const { user, initialPassword, created } = await createUser({
    actor: systemActor(organisation.id, PERMISSIONS),
    input: {
      email: request.email,
      displayName: request.displayName ?? request.email.split('@')[0]!,
      roles: request.roles,
      ...(request.password !== undefined ? { password: request.password } : {}),
    },
  });
  return { userId: user.id, email: user.email, organisation: organisation.acronym, roles: user.roles, initialPassword, created };
}
