import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../client';
import { ME_KEY } from '../me';
import type { paths } from '../schema';
import { adminKeys } from './keys';

export type Organisation = Awaited<ReturnType<typeof fetchOrganisation>>;
export type OrganisationUpdate = NonNullable<paths['/api/v1/organisations/{id}']['patch']['requestBody']>['content']['application/json'];

function fetchOrganisation(id: string) {
  return call(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } }));
}

/** One organisation's profile (the active organisation, for the administration pages). */
export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: adminKeys.organisation(id ?? ''),
    queryFn: () => fetchOrganisation(id!),
    enabled: Boolean(id),
  });
}

export function useUpdateOrganisation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (update: OrganisationUpdate) => call(api.PATCH('/api/v1/organisations/{id}', { params: { path: { id } }, body: update })),
    onSuccess: (organisation) => {
      client.setQueryData(adminKeys.organisation(id), organisation);
      // The name, acronym and two-step requirement also appear in `me` (menu, session gate).
      void client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}
