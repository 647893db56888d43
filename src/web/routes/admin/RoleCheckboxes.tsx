import { Checkbox, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../core/permissions';
import type { Role } from '../../api/admin/users';

/** The roles as checkboxes, each with its translated name and a one-line reminder of what it opens. */
export function RoleCheckboxes({
  value,
  onChange,
  error,
  disabled,
}: {
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string | null | undefined;
  disabled?: boolean;
}) {
  const { t } = useTranslation('admin');
  return (
    <Checkbox.Group
      label={t('users.fields.roles')}
      description={t('users.hints.roles')}
      value={value}
      onChange={(roles) => onChange(roles as Role[])}
      error={error}
      withAsterisk
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm" mt="xs">
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={t(`common:roles.${role}`)} description={t(`roleHints.${role}`)} disabled={disabled} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
