import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ME_KEY, useMe, type Me } from '../../api/me';
import { FORCED_PASSWORD_PATH, FORCED_TOTP_PATH } from '../../app/SessionGate';
import { LoadingState } from '../../components/PageState';
import { useApplyLanguage } from '../../i18n/use-apply-language';
import { isLanguage } from '../../i18n/languages';
import { AuthFrame } from './AuthFrame';
import { hasPendingLanguageChoice, saveLanguageChoice, useRememberLanguageChoice } from './language-choice';
import { LoginForm } from './LoginForm';
import { safeNextPath } from './next-path';

/**
 * Sign-in: email and password, then — for an account with a second factor — the app's code or a recovery
 * code. Afterwards the user goes where `?next=` pointed (same site only) — or first to the new password or
 * the required second-factor set-up — and keeps the language they picked here, if they picked one.
 */
export function LoginPage() {
  const { i18n } = useTranslation();
  const switchLanguage = useApplyLanguage();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const me = useMe();
  // Set when this page signs the user in: from then on it leads them to `next` rather than home.
  const [signedInHere, setSignedInHere] = useState(false);
  useRememberLanguageChoice();

  if (me.data && !signedInHere) return <Navigate to="/" replace />;

  const onSignedIn = async (signedIn: Me) => {
    setSignedInHere(true);
    client.setQueryData<Me>(ME_KEY, signedIn);
    const forcedStep = signedIn.mustChangePassword ? FORCED_PASSWORD_PATH : signedIn.mustEnrolTotp ? FORCED_TOTP_PATH : null;
    if (!forcedStep) {
      await saveLanguageChoice(client, signedIn);
      await navigate(safeNextPath(searchParams.get('next')), { replace: true });
      return;
    }
    // Straight to the forced step, not through the session gate, which would switch to the account's
    // language: a language chosen here waits (the server refuses to save it yet) and stays on screen.
    if (!hasPendingLanguageChoice() && isLanguage(signedIn.locale) && i18n.language !== signedIn.locale) {
      await switchLanguage(signedIn.locale);
    }
    await navigate(forcedStep, { replace: true });
  };

  // While the session check runs the form waits, so an already signed-in visitor never types into it.
  return <AuthFrame>{me.isPending ? <LoadingState /> : <LoginForm onSignedIn={onSignedIn} />}</AuthFrame>;
}
