import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FORCED_TOTP_PATH } from '../../app/SessionGate';
import { AuthFrame } from './AuthFrame';
import { PasswordChangeForm } from './PasswordChangeForm';
import { SignOutButton } from './SignOutButton';
import { useForcedStepGate } from './use-forced-step-gate';

/**
 * After a printed or administrator-set password, the user chooses their own before anything else (the
 * server allows nothing more until then). Then on to the second-factor set-up if the organisation
 * requires it, otherwise home.
 */
export function ForcedPasswordChangePage() {
  const { t } = useTranslation('auth');
  const gate = useForcedStepGate({
    isDue: (me) => me.mustChangePassword,
    nextPath: (fresh) => (fresh?.mustEnrolTotp ? FORCED_TOTP_PATH : '/'),
  });
  if (gate.blocked) return gate.blocked;

  return (
    <AuthFrame>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('forcedPassword.title')}
        </Title>
        <Text>{t('forcedPassword.explanation')}</Text>
        <PasswordChangeForm email={gate.me.email} submitLabel={t('forcedPassword.submit')} autoFocus onChanged={gate.finish} />
        <SignOutButton />
      </Stack>
    </AuthFrame>
  );
}
