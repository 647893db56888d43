import type { UserView } from '../../../core/schemas/user.ts';
import type { UserRecord } from '../../repositories/users.ts';

export function presentUser(u: UserRecord): UserView {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    locale: u.locale,
    roles: u.roles,
    active: !u.deactivatedAt && !u.accountDeactivatedAt,
    mustChangePassword: u.mustChangePassword,
    totpEnabled: u.totpEnabled,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
