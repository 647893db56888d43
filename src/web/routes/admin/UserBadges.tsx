import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/admin/users';

export function RoleBadges({ roles }: { roles: User['roles'] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} variant="light" color="gray" tt="none" fw={500}>
          {t(`roles.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}

// Badges keep the page's text colour (a coloured dot tells the state), so they stay readable whatever the
// palette: Mantine's light and outline variants of teal, yellow and gray fall below WCAG AA contrast.

/** Active or deactivated, and whether a password change is still pending. */
export function StatusBadges({ user }: { user: Pick<User, 'active' | 'mustChangePassword'> }) {
  const { t } = useTranslation('admin');
  return (
    <Group gap={4}>
      <Badge color={user.active ? 'teal' : 'gray'} variant="dot" tt="none" fw={500}>
        {user.active ? t('users.status.active') : t('users.status.deactivated')}
      </Badge>
      {user.mustChangePassword && (
        <Badge color="orange" variant="dot" tt="none" fw={500}>
          {t('users.status.mustChangePassword')}
        </Badge>
      )}
    </Group>
  );
}

export function TotpBadge({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation('admin');
  return (
    <Badge color={enabled ? 'blue' : 'gray'} variant="dot" tt="none" fw={500}>
      {enabled ? t('users.totp.on') : t('users.totp.off')}
    </Badge>
  );
}
