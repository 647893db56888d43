import type { ReactNode } from 'react';
import { useMe, type Me } from '../../api/me';
import { NotAllowed } from './NotAllowed';

/** Renders its page only for a user holding the permission, so the page's queries never run without it. */
export function RequirePermission({ permission, children }: { permission: Me['permissions'][number]; children: ReactNode }) {
  const me = useMe().data;
  if (!me) return null;
  return me.permissions.includes(permission) ? <>{children}</> : <NotAllowed />;
}
