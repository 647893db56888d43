import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FORCED_PASSWORD_PATH } from '../../app/SessionGate';
import { isolate } from '../../i18n/isolate';
import { TotpEnrolment } from '../../components/totp/TotpEnrolment';
import { AuthFrame } from './AuthFrame';
import { SignOutButton } from './SignOutButton';
import { useForcedStepGate } from './use-forced-step-gate';

/**
 * The organisation requires two-step verification and this account has none yet: the server allows
 * nothing but the set-up (and signing out) until it is done.
 */
export function TotpRequiredPage() {
  const { t } = useTranslation('auth');
  const gate = useForcedStepGate({
    // ['me'] is refreshed only after the recovery codes are saved, so this never cuts the set-up short.
    isDue: (me) => me.mustEnrolTotp,
    earlierStep: (me) => (me.mustChangePassword ? FORCED_PASSWORD_PATH : null),
    nextPath: () => '/',
  });
  if (gate.blocked) return gate.blocked;

  const organisation = gate.me.organisations.find((o) => o.id === gate.me.organisationId);

  return (
    <AuthFrame>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('totpRequired.title')}
        </Title>
        <Alert color="teal" role="note" icon={<IconShieldLock aria-hidden />}>
          {t('totpRequired.explanation', { organisation: isolate(organisation?.name ?? '') })}
        </Alert>
        <Text>{t('totpRequired.why')}</Text>
        <TotpEnrolment headingOrder={2} finishLabel={t('totpRequired.finish')} onFinished={() => void gate.finish()} />
        <SignOutButton />
      </Stack>
    </AuthFrame>
  );
}
