import { Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ME_KEY, useMe, type Me } from '../../api/me';
import { FORCED_TOTP_PATH, LOGIN_PATH } from '../../app/SessionGate';
import { ErrorState, LoadingState } from '../../components/PageState';
import { AuthFrame } from './AuthFrame';
import { saveLanguageChoice, useRememberLanguageChoice } from './language-choice';
import { PasswordChangeForm } from './PasswordChangeForm';
import { SignOutButton } from './SignOutButton';

/**
 * After a printed or administrator-set password, the user chooses their own before anything else (the
 * server allows nothing more until then). Then on to the second-factor set-up if the organisation
 * requires it, otherwise home.
 */
export function ForcedPasswordChangePage() {
  const { t } = useTranslation('auth');
  const client = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  // Set once the password is changed, so the refreshed ['me'] does not redirect before we move on.
  const [done, setDone] = useState(false);
  useRememberLanguageChoice();

  if (me.isPending) return <AuthFrame><LoadingState /></AuthFrame>;
  if (me.error) return <AuthFrame><ErrorState error={me.error} onRetry={() => void me.refetch()} /></AuthFrame>;
  if (!me.data) return <Navigate to={LOGIN_PATH} replace />;
  if (!me.data.mustChangePassword && !done) return <Navigate to="/" replace />;

  const onChanged = async () => {
    setDone(true);
    await client.refetchQueries({ queryKey: ME_KEY });
    const fresh = client.getQueryData<Me>(ME_KEY);
    if (fresh) await saveLanguageChoice(client, fresh);
    await navigate(fresh?.mustEnrolTotp ? FORCED_TOTP_PATH : '/', { replace: true });
  };

  return (
    <AuthFrame>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('forcedPassword.title')}
        </Title>
        <Text>{t('forcedPassword.explanation')}</Text>
        <PasswordChangeForm email={me.data.email} submitLabel={t('forcedPassword.submit')} autoFocus onChanged={onChanged} />
        <SignOutButton />
      </Stack>
    </AuthFrame>
  );
}
