import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUsers, type User } from '../../api/admin/users';
import { useMe } from '../../api/me';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { hasPermission } from './admin-sections';
import { CreateUserModal } from './CreateUserModal';
import { LoadMore } from './LoadMore';
import { RequirePermission } from './RequirePermission';
import { RoleBadges, StatusBadges, TotpBadge } from './UserBadges';
import { useWideLayout } from './use-wide-layout';

type Show = 'all' | 'active' | 'deactivated';

/** The organisation's users: a table on wide screens, cards on phones; "load more" pages. */
export function UsersPage() {
  return (
    <RequirePermission permission="user.read">
      <UsersList />
    </RequirePermission>
  );
}

function UsersList() {
  const { t } = useTranslation('admin');
  const me = useMe().data;
  const [show, setShow] = useState<Show>('all');
  const [creating, { open, close }] = useDisclosure(false);
  const users = useUsers(show === 'all' ? {} : { active: show === 'active' });
  const wide = useWideLayout();
  if (!me) return null;
  const canManage = hasPermission(me, 'user.manage');
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1} size="h2">
          {t('users.title')}
        </Title>
        {canManage && (
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={open}>
            {t('users.add')}
          </Button>
        )}
      </Group>
      <div role="group" aria-label={t('users.filter.label')}>
        <SegmentedControl
          value={show}
          onChange={(value) => setShow(value as Show)}
          data={[
            { value: 'all', label: t('users.filter.all') },
            { value: 'active', label: t('users.filter.active') },
            { value: 'deactivated', label: t('users.filter.deactivated') },
          ]}
        />
      </div>
      {users.isPending ? (
        <LoadingState />
      ) : users.error && items.length === 0 ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('users.empty')}</EmptyState>
      ) : wide ? (
        <UsersTable users={items} />
      ) : (
        <UserCards users={items} />
      )}
      {users.error && items.length > 0 && <ErrorState error={users.error} onRetry={() => void users.fetchNextPage()} />}
      <LoadMore query={users} />
      {canManage && <CreateUserModal opened={creating} onClose={close} />}
    </Stack>
  );
}

function UserLink({ user }: { user: User }) {
  return (
    <Anchor component={Link} to={`/admin/users/${user.id}`} fw={600}>
      {user.displayName}
    </Anchor>
  );
}

function UsersTable({ users }: { users: User[] }) {
  const { t } = useTranslation('admin');
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.columns.name')}</Table.Th>
            <Table.Th>{t('users.columns.roles')}</Table.Th>
            <Table.Th>{t('users.columns.status')}</Table.Th>
            <Table.Th>{t('users.columns.totp')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <UserLink user={user} />
                <Text size="sm" c="dimmed">
                  <bdi>{user.email}</bdi>
                </Text>
              </Table.Td>
              <Table.Td>
                <RoleBadges roles={user.roles} />
              </Table.Td>
              <Table.Td>
                <StatusBadges user={user} />
              </Table.Td>
              <Table.Td>
                <TotpBadge enabled={user.totpEnabled} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function UserCards({ users }: { users: User[] }) {
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {users.map((user) => (
        <Paper key={user.id} withBorder p="sm" component="li">
          <Stack gap={6}>
            <UserLink user={user} />
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              <bdi>{user.email}</bdi>
            </Text>
            <RoleBadges roles={user.roles} />
            <Group gap={4}>
              <StatusBadges user={user} />
              <TotpBadge enabled={user.totpEnabled} />
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
