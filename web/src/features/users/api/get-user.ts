import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { usersQueryKey } from '../../../lib/queries/users';

export type User = components['schemas']['User'];
export type SalesPermissions = components['schemas']['SalesPermissions'];

export const userQueryKey = (id: string) => [...usersQueryKey, 'detail', id] as const;

export const userQueryOptions = (id: string) =>
  queryOptions({
    queryKey: userQueryKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });

/** GET /users/{id}: one user with agents, teams, visible users and sales permissions. */
export const useUser = (id: string) => useQuery(userQueryOptions(id));
