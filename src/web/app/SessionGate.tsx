import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/me';
import { ErrorState, LoadingState } from '../components/PageState';
import { useApplyLanguage } from '../i18n/use-apply-language';
import { isLanguage } from '../i18n/languages';
import { AppLayout } from './AppLayout';

export const LOGIN_PATH = '/login';
export const FORCED_PASSWORD_PATH = '/password-change';
export const FORCED_TOTP_PATH = '/two-step-setup';

/** Where the login page sends the user back to after signing in. */
export function loginPathFor(location: { pathname: string; search: string }): string {
  const next = location.pathname + location.search;
  return next === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}

/** Applies the language remembered on the account once per signed-in user. */
function useAccountLanguage(accountId: string | undefined, locale: string | undefined) {
  const { i18n } = useTranslation();
  const switchLanguage = useApplyLanguage();
  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (!accountId || !isLanguage(locale) || applied.current === accountId) return;
    applied.current = accountId;
    if (i18n.language !== locale) {
      void switchLanguage(locale);
    }
  }, [accountId, locale, i18n, switchLanguage]);
}

/**
 * The pages behind sign-in: nobody signed in → login; a password to change or a second factor the
 * organisation requires → that page first; otherwise the app shell.
 */
export function SessionGate() {
  const me = useMe();
  const location = useLocation();
  useAccountLanguage(me.data?.id, me.data?.locale);

  if (me.isPending) return <LoadingState />;
  if (me.error) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={loginPathFor(location)} replace />;
  if (me.data.mustChangePassword) return <Navigate to={FORCED_PASSWORD_PATH} replace />;
  if ('mustEnrolTotp' in me.data && me.data.mustEnrolTotp) return <Navigate to={FORCED_TOTP_PATH} replace />;
  return <AppLayout me={me.data} />;
}
