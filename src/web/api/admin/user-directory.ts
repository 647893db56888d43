import { useQuery } from '@tanstack/react-query';
import { api, call } from '../client';
import { useMe } from '../me';
import { adminKeys } from './keys';

export interface DirectoryEntry {
  displayName: string;
  email: string;
}

/** Enough pages for any association (500 members each); beyond that names fall back to short ids. */
const MAX_PAGES = 10;

async function fetchDirectory(): Promise<Map<string, DirectoryEntry>> {
  const directory = new Map<string, DirectoryEntry>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await call(api.GET('/api/v1/users', { params: { query: { limit: 500, ...(cursor ? { cursor } : {}) } } }));
    for (const user of result.items) directory.set(user.id, { displayName: user.displayName, email: user.email });
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return directory;
}

/**
 * The organisation's members by account id, to show names instead of ids (audit actors, token owners).
 * Only for users who may read the user list; others get an empty directory and see short ids.
 */
export function useUserDirectory() {
  const me = useMe().data;
  const allowed = Boolean(me?.permissions.includes('user.read'));
  return useQuery({ queryKey: adminKeys.userDirectory, queryFn: fetchDirectory, enabled: allowed, staleTime: 5 * 60_000 });
}
