/**
 * Routes whose responses may hold rows another organisation owns: the network-published tables of
 * DESIGN §2 (service directory entries, advocacy actions, member profiles) carry `network_id` and the owning
 * `organisation_id`; RLS lets members of the same network read them and only the owner write them.
 *
 * The isolation probe (test/integration/isolation-probe.test.ts) reads this list: for a listed route it
 * checks that a member of the same network may read, instead of expecting 404. Only reads belong here
 * (method GET); writes to the same paths stay owner-only and the probe keeps expecting 404 for them.
 * Paths are written as in the OpenAPI document, e.g. `/api/v1/directory/{id}`. Empty until the network
 * issue adds the first network-published table.
 */
export interface NetworkPublishedRoute {
  readonly method: 'GET';
  readonly path: string;
}

export const networkPublishedRoutes: readonly NetworkPublishedRoute[] = [];
