import { Navigate } from 'react-router';
import { useMe } from '../../api/me';
import { visibleSections } from './admin-sections';
import { NotAllowed } from './NotAllowed';

/** /admin opens the first administration page this user may see. */
export function AdminIndex() {
  const me = useMe().data;
  if (!me) return null;
  const first = visibleSections(me)[0];
  return first ? <Navigate to={first.path} replace /> : <NotAllowed />;
}
