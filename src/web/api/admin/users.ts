import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../client';
import { ME_KEY } from '../me';
import type { paths } from '../schema';
import { adminKeys } from './keys';

export type User = Awaited<ReturnType<typeof fetchUser>>;
export type UserCreate = paths['/api/v1/users']['post']['requestBody']['content']['application/json'];
export type UserUpdate = paths['/api/v1/users/{id}']['patch']['requestBody']['content']['application/json'];
export type Role = User['roles'][number];

function fetchUser(id: string) {
  return call(api.GET('/api/v1/users/{id}', { params: { path: { id } } }));
}

/** The organisation's users by email, a page at a time ("load more"). */
export function useUsers(filter: { active?: boolean }) {
  return useInfiniteQuery({
    queryKey: adminKeys.userList(filter),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/users', {
          params: {
            query: {
              ...(pageParam ? { cursor: pageParam } : {}),
              ...(filter.active === undefined ? {} : { active: filter.active ? 'true' : 'false' }),
            },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useUser(id: string) {
  return useQuery({ queryKey: adminKeys.user(id), queryFn: () => fetchUser(id) });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreate) => call(api.POST('/api/v1/users', { body: input })),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useUpdateUser(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (update: UserUpdate) => call(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: update })),
    onSuccess: (user) => {
      client.setQueryData(adminKeys.user(id), user);
      void client.invalidateQueries({ queryKey: adminKeys.users, predicate: (query) => query.queryKey[2] !== 'one' });
      // Deactivation revokes the user's tokens; one's own roles may have changed.
      void client.invalidateQueries({ queryKey: adminKeys.tokens });
      void client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

/** Removes a member's second factor (lost phone); the server ends their sessions. */
export function useResetUserTotp(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/users/{id}/totp/reset', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export type PasswordReset = paths['/api/v1/users/{id}/password']['post']['requestBody']['content']['application/json'];

/**
 * Gives a member a new password (forgotten password): the one typed, or one generated and returned once.
 * The member must change it at the next sign-in and the server ends their sessions.
 */
export function useResetUserPassword(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordReset) => call(api.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body: input })),
    // The member now "must change password" (a status badge); the audit log gained an event.
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: adminKeys.users });
      void client.invalidateQueries({ queryKey: adminKeys.audit });
    },
  });
}
