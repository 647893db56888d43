import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { ME_KEY, useMe, type Me } from '../../api/me';
import { LOGIN_PATH } from '../../app/SessionGate';
import { ErrorState, LoadingState } from '../../components/PageState';
import { AuthFrame } from './AuthFrame';
import { saveLanguageChoice, useRememberLanguageChoice } from './language-choice';

interface ForcedStep {
  /** Whether the server still requires this step of the signed-in account. */
  isDue: (me: Me) => boolean;
  /** Another forced step that must come first, checked before this one: its path, or null. */
  earlierStep?: (me: Me) => string | null;
  /** Where to go once this step is done, from the refreshed account. */
  nextPath: (fresh: Me | undefined) => string;
}

type Gate =
  | { blocked: ReactElement; me?: undefined; finish?: undefined }
  | { blocked?: undefined; me: Me; finish: () => Promise<void> };

/**
 * A step the server forces before anything else (a new password, the second-factor set-up): while the
 * account loads, or when this step is not (or no longer) due, `blocked` is what the page shows instead —
 * loading, an error, or a redirect. `finish` refreshes the account, saves the language chosen meanwhile and
 * moves on. Language changes made on the page are remembered.
 */
export function useForcedStepGate({ isDue, earlierStep, nextPath }: ForcedStep): Gate {
  const client = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  // Set once the step is done, so the refreshed ['me'] (no longer requiring it) does not redirect before we
  // move on.
  const [done, setDone] = useState(false);
  useRememberLanguageChoice();

  if (me.isPending) return { blocked: <AuthFrame><LoadingState /></AuthFrame> };
  if (me.error) return { blocked: <AuthFrame><ErrorState error={me.error} onRetry={() => void me.refetch()} /></AuthFrame> };
  if (!me.data) return { blocked: <Navigate to={LOGIN_PATH} replace /> };
  const earlier = earlierStep?.(me.data);
  if (earlier) return { blocked: <Navigate to={earlier} replace /> };
  if (!isDue(me.data) && !done) return { blocked: <Navigate to="/" replace /> };

  const finish = async () => {
    setDone(true);
    await client.refetchQueries({ queryKey: ME_KEY });
    const fresh = client.getQueryData<Me>(ME_KEY);
    if (fresh) await saveLanguageChoice(client, fresh);
    await navigate(nextPath(fresh), { replace: true });
  };

  return { me: me.data, finish };
}
