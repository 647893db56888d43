/**
 * Query keys of the administration pages. Every key starts with the area, so a change can invalidate
 * the whole area (e.g. ['admin', 'users']) and switching organisation (which clears the cache) forgets them.
 */
export const adminKeys = {
  organisation: (id: string) => ['admin', 'organisation', id] as const,
  users: ['admin', 'users'] as const,
  userList: (filter: { active?: boolean }) => ['admin', 'users', 'list', filter] as const,
  userDirectory: ['admin', 'users', 'directory'] as const,
  user: (id: string) => ['admin', 'users', 'one', id] as const,
  tokens: ['admin', 'tokens'] as const,
  audit: ['admin', 'audit'] as const,
  auditList: (filter: object) => ['admin', 'audit', 'list', filter] as const,
  auditEvent: (id: string) => ['admin', 'audit', 'one', id] as const,
};
