import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

const SIGNED_OUT = new Set(['NOT_AUTHENTICATED', 'SESSION_EXPIRED']);

/**
 * When any request learns that the session is over (expired, signed out elsewhere, account deactivated),
 * forget the user: the session gate then shows the login page.
 */
function onError(error: unknown) {
  if (error instanceof ApiError && SIGNED_OUT.has(error.code)) {
    queryClient.setQueryData(['me'], null);
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
