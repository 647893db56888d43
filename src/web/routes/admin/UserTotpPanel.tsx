import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notify } from '../../components/notify';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResetUserTotp, type User } from '../../api/admin/users';
import { ConfirmModal } from './ConfirmModal';
import { TotpBadge } from './UserBadges';

/** Two-step verification of a member: its state, and a reset for a lost phone (not for oneself). */
export function UserTotpPanel({ user, isSelf, canManage }: { user: User; isSelf: boolean; canManage: boolean }) {
  const { t } = useTranslation('admin');
  const reset = useResetUserTotp(user.id);
  const [confirming, { open, close }] = useDisclosure(false);

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} size="h4">
            {t('user.totp.title')}
          </Title>
          <TotpBadge enabled={user.totpEnabled} />
        </Group>
        <Text size="sm">{user.totpEnabled ? t('user.totp.onBody') : t('user.totp.offBody')}</Text>
        {isSelf ? (
          <Text size="sm">
            {t('user.totp.self')}{' '}
            <Anchor component={Link} to="/account">
              {t('user.totp.selfLink')}
            </Anchor>
          </Text>
        ) : (
          canManage &&
          user.totpEnabled && (
            <Group>
              <Button color="red" variant="light" onClick={open}>
                {t('user.totp.reset')}
              </Button>
            </Group>
          )
        )}
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => {
          reset.reset();
          close();
        }}
        title={t('user.totp.confirmTitle', { name: user.displayName })}
        confirmLabel={t('user.totp.reset')}
        onConfirm={() =>
          reset.mutate(undefined, {
            onSuccess: () => {
              close();
              notify({ color: 'teal', message: t('user.totp.done', { name: user.displayName }) });
            },
          })
        }
        pending={reset.isPending}
        error={reset.error}
      >
        <Text size="sm">{t('user.totp.confirmBody')}</Text>
      </ConfirmModal>
    </Paper>
  );
}
