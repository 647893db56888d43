import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notify } from '../../components/notify';
import { useTranslation } from 'react-i18next';
import { useUpdateUser, type User } from '../../api/admin/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ConfirmModal } from './ConfirmModal';

/** Deactivate or reactivate a membership (deactivation asks first: it ends sessions and revokes tokens). */
export function UserActivationPanel({ user, isSelf }: { user: User; isSelf: boolean }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser(user.id);
  const [confirming, { open, close }] = useDisclosure(false);

  const setActive = (active: boolean) =>
    update.mutate(
      { version: user.version, active },
      {
        onSuccess: () => {
          close();
          notify({ color: 'teal', message: active ? t('user.access.reactivated', { name: user.displayName }) : t('user.access.deactivated', { name: user.displayName }) });
        },
      },
    );

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('user.access.title')}
        </Title>
        {user.active ? (
          <>
            <Text size="sm">{t('user.access.activeBody')}</Text>
            <Group>
              <Button color="red" variant="light" onClick={open}>
                {t('user.access.deactivate')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text size="sm">{t('user.access.inactiveBody')}</Text>
            {!confirming && <ErrorAlert error={update.error} />}
            <Group>
              <Button variant="default" onClick={() => setActive(true)} loading={update.isPending} disabled={update.isPending}>
                {t('user.access.reactivate')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => {
          update.reset();
          close();
        }}
        title={t('user.access.confirmTitle', { name: user.displayName })}
        confirmLabel={t('user.access.deactivate')}
        onConfirm={() => setActive(false)}
        pending={update.isPending}
        error={update.error}
      >
        <Text size="sm">{t('user.access.confirmBody')}</Text>
        {isSelf && (
          <Text size="sm" fw={600}>
            {t('user.access.confirmSelf')}
          </Text>
        )}
      </ConfirmModal>
    </Paper>
  );
}
