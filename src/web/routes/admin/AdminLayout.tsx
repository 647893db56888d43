import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useMe } from '../../api/me';
import { visibleSections } from './admin-sections';

/**
 * The administration section: its own navigation (buttons that wrap onto a second line on a phone rather
 * than scroll sideways), then the page.
 */
export function AdminLayout() {
  const { t } = useTranslation('admin');
  const me = useMe().data;
  const location = useLocation();
  if (!me) return null;
  const sections = visibleSections(me);

  return (
    <Stack gap="lg" maw={1100}>
      {sections.length > 1 && (
        <nav aria-label={t('nav.label')}>
          <Group gap="xs" wrap="wrap">
            {sections.map((section) => {
              const active = location.pathname === section.path || location.pathname.startsWith(`${section.path}/`);
              return (
                <Button
                  key={section.path}
                  component={NavLink}
                  to={section.path}
                  size="sm"
                  radius="xl"
                  variant={active ? 'filled' : 'default'}
                  aria-current={active ? 'page' : undefined}
                >
                  {t(section.labelKey)}
                </Button>
              );
            })}
          </Group>
        </nav>
      )}
      <Outlet />
    </Stack>
  );
}
