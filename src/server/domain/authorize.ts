import type { Permission } from '../../core/permissions.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor } from './actor.ts';

/**
 * The one permission check (DESIGN §3). With a resource of another organisation it answers 404, not 403:
 * another organisation's records do not exist for this actor. Row-level security is the second wall.
 */
export function authorize(
  actor: Actor,
  permission: Permission,
  resource?: { organisationId: string } | null,
): void {
  if (resource && resource.organisationId !== actor.organisationId) throw new AppError('NOT_FOUND');
  if (!actor.permissions.has(permission)) {
    throw new AppError('FORBIDDEN', { details: { permission } });
  }
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}
