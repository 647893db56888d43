import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, call } from './client';

type MeResponse = NonNullable<Awaited<ReturnType<typeof fetchMe>>>;
export type Me = MeResponse;

export const ME_KEY = ['me'] as const;

async function fetchMe() {
  try {
    return await call(api.GET('/api/v1/me'));
  } catch (error) {
    // Not signed in (or the session ended) is a state, not an error.
    if (error instanceof ApiError && (error.code === 'NOT_AUTHENTICATED' || error.code === 'SESSION_EXPIRED')) return null;
    throw error;
  }
}

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/auth/logout')),
    onSettled: () => {
      client.clear();
      client.setQueryData(ME_KEY, null);
    },
  });
}

export function useSwitchOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) => call(api.POST('/api/v1/me/organisation', { body: { organisationId } })),
    onSuccess: (me) => {
      // Everything cached belonged to the previous organisation.
      client.clear();
      client.setQueryData(ME_KEY, me);
    },
  });
}

export function useUpdateMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (update: { displayName?: string; locale?: 'fr' | 'ar' | 'en' }) => call(api.PATCH('/api/v1/me', { body: update })),
    onSuccess: (me) => client.setQueryData(ME_KEY, me),
  });
}
