import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ME_KEY, useMe, type Me } from '../../api/me';
import { FORCED_PASSWORD_PATH, LOGIN_PATH } from '../../app/SessionGate';
import { ErrorState, LoadingState } from '../../components/PageState';
import { isolate } from '../../i18n/isolate';
import { TotpEnrolment } from '../../components/totp/TotpEnrolment';
import { AuthFrame } from './AuthFrame';
import { saveLanguageChoice, useRememberLanguageChoice } from './language-choice';
import { SignOutButton } from './SignOutButton';

/**
 * The organisation requires two-step verification and this account has none yet: the server allows
 * nothing but the set-up (and signing out) until it is done.
 */
export function TotpRequiredPage() {
  const { t } = useTranslation('auth');
  const client = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  const [done, setDone] = useState(false);
  useRememberLanguageChoice();

  if (me.isPending) return <AuthFrame><LoadingState /></AuthFrame>;
  if (me.error) return <AuthFrame><ErrorState error={me.error} onRetry={() => void me.refetch()} /></AuthFrame>;
  if (!me.data) return <Navigate to={LOGIN_PATH} replace />;
  if (me.data.mustChangePassword) return <Navigate to={FORCED_PASSWORD_PATH} replace />;
  // ['me'] is refreshed only after the recovery codes are saved, so this never cuts the set-up short.
  if (!me.data.mustEnrolTotp && !done) return <Navigate to="/" replace />;

  const organisation = me.data.organisations.find((o) => o.id === me.data.organisationId);

  const onFinished = async () => {
    setDone(true);
    await client.refetchQueries({ queryKey: ME_KEY });
    const fresh = client.getQueryData<Me>(ME_KEY);
    if (fresh) await saveLanguageChoice(client, fresh);
    await navigate('/', { replace: true });
  };

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
        <TotpEnrolment headingOrder={2} finishLabel={t('totpRequired.finish')} onFinished={() => void onFinished()} />
        <SignOutButton />
      </Stack>
    </AuthFrame>
  );
}
