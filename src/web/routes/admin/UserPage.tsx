import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useUser, type User } from '../../api/admin/users';
import { useMe } from '../../api/me';
import { QueryState } from '../../components/PageState';
import { useFormat } from '../../i18n/format';
import { isLanguage, languageInfo } from '../../i18n/languages';
import { hasPermission } from './admin-sections';
import { RequirePermission } from './RequirePermission';
import { UserActivationPanel } from './UserActivationPanel';
import { UserPasswordPanel } from './UserPasswordPanel';
import { UserTotpPanel } from './UserTotpPanel';
import { RoleBadges, StatusBadges } from './UserBadges';
import { UserEditForm } from './UserEditForm';
import { FactList } from './FactList';

/** One member: details, then (for administrators) name, language and roles, new password, access, and two-step reset. */
export function UserPage() {
  return (
    <RequirePermission permission="user.read">
      <UserDetails />
    </RequirePermission>
  );
}

function BackToUsers() {
  const { t } = useTranslation('admin');
  return (
    <Anchor component={Link} to="/admin/users" size="sm">
      <Group gap={4} component="span" wrap="nowrap">
        <IconArrowLeft size={16} aria-hidden className="sanad-mirror-rtl" />
        {t('user.back')}
      </Group>
    </Anchor>
  );
}

function UserDetails() {
  const { t } = useTranslation('admin');
  const { id = '' } = useParams();
  const me = useMe().data;
  const query = useUser(id);
  if (!me) return null;
  const canManage = hasPermission(me, 'user.manage');

  return (
    <Stack gap="md" maw={900}>
      <BackToUsers />
      <QueryState query={query}>
        {(user) => (
          <>
            <Stack gap={4}>
              <Group gap="sm" align="center">
                <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
                  {user.displayName}
                </Title>
                {user.id === me.id && (
                  <Badge variant="default" tt="none" fw={500}>
                    {t('user.you')}
                  </Badge>
                )}
              </Group>
              <Text c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                <bdi>{user.email}</bdi>
              </Text>
            </Stack>
            <UserFacts user={user} />
            {canManage && <UserEditForm user={user} onReload={async () => (await query.refetch()).data} />}
            {canManage && <UserPasswordPanel user={user} isSelf={user.id === me.id} />}
            {canManage && <UserActivationPanel user={user} isSelf={user.id === me.id} />}
            <UserTotpPanel user={user} isSelf={user.id === me.id} canManage={canManage} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function UserFacts({ user }: { user: User }) {
  const { t } = useTranslation('admin');
  const { date } = useFormat();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <FactList
        rows={[
          { label: t('users.columns.roles'), value: <RoleBadges roles={user.roles} /> },
          { label: t('users.columns.status'), value: <StatusBadges user={user} /> },
          { label: t('users.fields.language'), value: isLanguage(user.locale) ? languageInfo(user.locale).nativeName : user.locale },
          { label: t('user.createdAt'), value: date(user.createdAt) },
        ]}
      />
    </Paper>
  );
}
