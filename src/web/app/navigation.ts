import { IconActivity, IconChartBar, IconHome, IconNetwork, IconSettings, IconUsers } from '@tabler/icons-react';
import type { Me } from '../api/me';

/** The app's sections, in navigation order. A later issue replaces a placeholder by its pages. */
export const SECTIONS = [
  { path: '/', labelKey: 'nav.home', icon: IconHome, visible: () => true },
  { path: '/people', labelKey: 'nav.people', icon: IconUsers, visible: () => true },
  { path: '/activities', labelKey: 'nav.activities', icon: IconActivity, visible: () => true },
  { path: '/reports', labelKey: 'nav.reports', icon: IconChartBar, visible: () => true },
  { path: '/network', labelKey: 'nav.network', icon: IconNetwork, visible: () => true },
  {
    path: '/admin',
    labelKey: 'nav.administration',
    icon: IconSettings,
    // Shown to whoever may see at least one administration page.
    visible: (me: Me) => me.permissions.some((p) => p === 'user.read' || p === 'organisation.manage' || p === 'audit.read'),
  },
] as const;
