import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { ApiError } from '../api/client';
import { notify } from '../components/notify';

const SIGNED_OUT = new Set(['NOT_AUTHENTICATED', 'SESSION_EXPIRED']);

/**
 * When any request learns that the session is over (expired, signed out elsewhere, account deactivated),
 * forget the user: the session gate then shows the login page.
 */
function onError(error: unknown) {
  if (error instanceof ApiError && SIGNED_OUT.has(error.code)) {
    const wasSignedIn = Boolean(queryClient.getQueryData(['me']));
    queryClient.setQueryData(['me'], null);
    // Say why the login page appeared (signed out elsewhere, account deactivated, session expired).
    if (wasSignedIn) notify({ color: 'orange', message: i18next.t('errors:SESSION_EXPIRED') });
  }
}

/** Client errors (4xx) are answers, not glitches: never retry them. */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});
