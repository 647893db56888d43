/**
 * Roles and permissions as data (DESIGN §3): one table says what each role may do, and one `authorize()`
 * on the server reads it. Shared with the browser so menus show only what the user may use.
 * Extend this table as features land; never narrow a role's baseline.
 */
export const ROLES = [
  'org_admin',
  'programme_manager',
  'case_worker',
  'field_agent',
  'health_worker',
  'psychosocial_worker',
  'viewer',
  'network_coordinator',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'organisation.read',
  'organisation.manage',
  'organisation.create_external',
  'user.read',
  'user.manage',
  'token.manage_own',
  'audit.read',
  'job.read',
  'person.search',
  'person.read',
  'person.write',
  'household.write',
  'consent.write',
  'protection.read',
  'protection.write',
  'health.read',
  'health.write',
  'psychosocial.read',
  'psychosocial.write',
  'programme.read',
  'programme.write',
  'activity.read',
  'activity.write',
  'attendance.write',
  'tally.write',
  'delivery.write',
  'referral.read',
  'referral.write',
  'indicator.write',
  'report.read',
  'report.exact',
  'export.run',
  'network.read',
  'network.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: Permission[] = ['organisation.read', 'token.manage_own'];
const fieldWork: Permission[] = [
  ...everyone,
  'person.search',
  'person.write',
  'programme.read',
  'activity.read',
  'attendance.write',
  'tally.write',
  'delivery.write',
];
const sensitive = new Set<Permission>([
  'protection.read',
  'protection.write',
  'health.read',
  'health.write',
  'psychosocial.read',
  'psychosocial.write',
]);

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Everything of its organisation except the sensitive categories (Law 09-08: health data needs its
  // own permission).
  org_admin: PERMISSIONS.filter((p) => !sensitive.has(p) && !p.startsWith('network.')),
  programme_manager: [
    ...everyone,
    'programme.read',
    'programme.write',
    'activity.read',
    'activity.write',
    'indicator.write',
    'report.read',
    'report.exact',
    'export.run',
    'job.read',
  ],
  case_worker: [
    ...fieldWork,
    'person.read',
    'household.write',
    'consent.write',
    'referral.read',
    'referral.write',
    'protection.read',
    'protection.write',
  ],
  field_agent: fieldWork,
  health_worker: [...fieldWork, 'health.read', 'health.write'],
  psychosocial_worker: [...fieldWork, 'psychosocial.read', 'psychosocial.write'],
  viewer: [...everyone, 'programme.read', 'activity.read', 'report.read'],
  network_coordinator: [...everyone, 'network.read', 'network.manage', 'report.read'],
};

/** The union of the permissions of the given roles. */
export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
