import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../client';
import { adminKeys } from './keys';

function fetchTokens(cursor: string) {
  return call(api.GET('/api/v1/tokens', { params: { query: cursor ? { cursor } : {} } }));
}
export type Token = Awaited<ReturnType<typeof fetchTokens>>['items'][number];

/** The user's API tokens (administrators: every token of the organisation), newest first. */
export function useTokens() {
  return useInfiniteQuery({
    queryKey: adminKeys.tokens,
    queryFn: ({ pageParam }) => fetchTokens(pageParam),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call(api.POST('/api/v1/tokens', { body: { name } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminKeys.tokens }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminKeys.tokens }),
  });
}
