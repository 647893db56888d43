import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, errorCode } from '../../components/ErrorAlert';

/**
 * Asks for the current password before a sensitive change (turning the second factor off, new recovery
 * codes). A wrong password shows under the field; other refusals in an alert.
 */
export function CurrentPasswordForm({
  email,
  intro,
  submitLabel,
  color,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  email: string;
  intro: string;
  submitLabel: string;
  color?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (currentPassword: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('auth');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const wrongPassword = errorCode(error) === 'PASSWORD_INCORRECT';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!password);
    if (password) onSubmit(password);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text>{intro}</Text>
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordInput
          label={t('password.current')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={missing ? t('validation.required') : wrongPassword ? t('errors:PASSWORD_INCORRECT') : undefined}
          autoComplete="current-password"
          required
          autoFocus
          maw={360}
        />
        {error && !wrongPassword ? <ErrorAlert error={error} /> : null}
        <Group gap="sm">
          <Button type="submit" color={color} loading={pending} disabled={pending}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common:actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
