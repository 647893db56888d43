import { Avatar, Menu, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notify } from './notify';
import { IconBuilding, IconCheck, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignOut, useSwitchOrganisation, type Me } from '../api/me';
import { isolate } from '../i18n/isolate';
import { errorCode } from './ErrorAlert';

/** Up to two initials, letters only ("Admin (AFM)" → "AA"), in any script. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part.replace(/[^\p{L}]/gu, ''))
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/** The user menu: account, organisation switch (for users with several memberships), sign out. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const switchOrganisation = useSwitchOrganisation();

  const onSwitch = (id: string, name: string) => {
    switchOrganisation.mutate(id, {
      onSuccess: () => {
        notify({ message: t('userMenu.switched', { name: isolate(name) }), closeButtonProps: { 'aria-label': t('actions.close') } });
        void navigate('/');
      },
      onError: (error) => notify({ color: 'red', message: t(`errors:${errorCode(error)}`), closeButtonProps: { 'aria-label': t('actions.close') } }),
    });
  };

  return (
    <Menu position="bottom-end" withinPortal width={260}>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu">
          {/* The visible initials are hidden from assistive technology; the name is read instead. */}
          <Avatar color="teal" variant="filled" radius="xl" size={36} aria-hidden>
            {initials(me.displayName)}
          </Avatar>
          <VisuallyHidden>{t('userMenu.label', { name: me.displayName })}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.displayName}</Menu.Label>
        <Menu.Item leftSection={<IconUserCircle size={18} aria-hidden />} onClick={() => void navigate('/account')}>
          {t('userMenu.account')}
        </Menu.Item>
        {me.organisations.length > 1 && (
          <>
            <Menu.Divider />
            <Menu.Label>{t('userMenu.switchOrganisation')}</Menu.Label>
            {me.organisations.map((organisation) => {
              const active = organisation.id === me.organisationId;
              return (
                <Menu.Item
                  key={organisation.id}
                  leftSection={active ? <IconCheck size={18} aria-hidden /> : <IconBuilding size={18} aria-hidden />}
                  disabled={active}
                  aria-current={active ? 'true' : undefined}
                  onClick={() => onSwitch(organisation.id, organisation.name)}
                >
                  {organisation.acronym ? `${organisation.acronym} — ${organisation.name}` : organisation.name}
                </Menu.Item>
              );
            })}
          </>
        )}
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={18} aria-hidden className="sanad-mirror-rtl" />}
          onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/login') })}
        >
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
