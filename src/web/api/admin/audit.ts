import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../client';
import type { paths } from '../schema';
import { adminKeys } from './keys';

/** The filters GET /audit-events supports (times are ISO instants; `to` is exclusive). */
export type AuditFilter = Omit<NonNullable<paths['/api/v1/audit-events']['get']['parameters']['query']>, 'cursor' | 'limit'>;

function fetchEvent(id: string) {
  return call(api.GET('/api/v1/audit-events/{id}', { params: { path: { id } } }));
}
export type AuditEvent = Awaited<ReturnType<typeof fetchEvent>>;

/** The organisation's audit trail, newest first, a page at a time. */
export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: adminKeys.auditList(filter),
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/audit-events', { params: { query: { ...filter, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useAuditEvent(id: string | null) {
  return useQuery({ queryKey: adminKeys.auditEvent(id ?? ''), queryFn: () => fetchEvent(id!), enabled: Boolean(id) });
}
