import { AppShell, Burger, Group, NavLink, ScrollArea, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import type { Me } from '../api/me';
import { LanguageButtons } from '../components/LanguageButtons';
import { UserMenu } from '../components/UserMenu';
import { SECTIONS } from './navigation';

/**
 * The signed-in frame: header (menu button on phones, name, language, user menu) and the navigation,
 * which sits at the reading start — left in French and English, right in Arabic (Mantine's logical
 * properties under DirectionProvider).
 */
export function AppLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a className="sanad-skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')} />
            <Text fw={700} size="lg" visibleFrom="xs">
              {t('appName')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageButtons />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')} component="nav">
        <AppShell.Section grow component={ScrollArea}>
          {SECTIONS.filter((section) => section.visible(me)).map((section) => {
            const Icon = section.icon;
            const active = section.path === '/' ? location.pathname === '/' : location.pathname.startsWith(section.path);
            return (
              <NavLink
                key={section.path}
                component={RouterLink}
                to={section.path}
                label={t(section.labelKey)}
                leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
                active={active}
                onClick={close}
                aria-current={active ? 'page' : undefined}
              />
            );
          })}
        </AppShell.Section>
        <VisuallyHidden>{me.email}</VisuallyHidden>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
