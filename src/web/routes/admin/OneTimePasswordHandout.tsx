import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me';
import { PrintSheet } from './PrintSheet';
import { SecretValue } from './SecretValue';

interface Props {
  /** Whose password it is: named on the printed sheet, with the email they sign in with. */
  user: { displayName: string; email: string };
  password: string;
  /** What just happened, announced as a status (a new account, a new password). */
  status: string;
  /** Why this screen is the only chance to see the password. */
  onceNote: string;
  /** The sheet's last line: what the person does with this password at sign-in. */
  printChangeNote: string;
  onDone: () => void;
}

/**
 * A password Sanad generated and shows once (a new account, a password reset): the secret with a copy
 * button, a warning that it will not be shown again, and a printable handout to give the person.
 */
export function OneTimePasswordHandout({ user, password, status, onceNote, printChangeNote, onDone }: Props) {
  const { t } = useTranslation('admin');
  const me = useMe().data;
  const organisation = me?.organisations.find((o) => o.id === me.organisationId);

  return (
    <Stack gap="md">
      <Text role="status">{status}</Text>
      <SecretValue value={password} label={t('users.create.temporaryPassword')} />
      <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />}>
        {onceNote}
      </Alert>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
          {t('common:actions.print')}
        </Button>
        <Button onClick={onDone} data-autofocus>
          {t('users.create.done')}
        </Button>
      </Group>
      <PrintSheet>
        <Title order={2}>{t('users.print.title', { organisation: organisation?.name ?? '' })}</Title>
        <p>{t('users.print.greeting', { name: user.displayName })}</p>
        <p>
          {t('users.print.address')} <bdi>{window.location.origin}</bdi>
        </p>
        <p>
          {t('users.print.emailLine')} <bdi>{user.email}</bdi>
        </p>
        <p>
          {t('users.print.passwordLine')} <bdi style={{ fontFamily: 'monospace', fontSize: '1.3em', whiteSpace: 'nowrap' }}>{password}</bdi>
        </p>
        <p>{printChangeNote}</p>
      </PrintSheet>
    </Stack>
  );
}
