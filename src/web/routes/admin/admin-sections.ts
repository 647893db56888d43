import type { Me } from '../../api/me';

type Permission = Me['permissions'][number];

/** The administration pages in navigation order; each is shown to whoever holds one of its permissions. */
export const ADMIN_SECTIONS = [
  { path: '/admin/organisation', labelKey: 'nav.organisation', anyOf: ['organisation.manage', 'organisation.read'] },
  { path: '/admin/users', labelKey: 'nav.users', anyOf: ['user.read'] },
  { path: '/admin/tokens', labelKey: 'nav.tokens', anyOf: ['token.manage_own'] },
  { path: '/admin/audit', labelKey: 'nav.audit', anyOf: ['audit.read'] },
] as const satisfies readonly { path: string; labelKey: string; anyOf: readonly Permission[] }[];

export function hasPermission(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

export function visibleSections(me: Me) {
  return ADMIN_SECTIONS.filter((section) => section.anyOf.some((permission) => hasPermission(me, permission)));
}
