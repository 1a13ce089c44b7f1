import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { individualsQueryKey } from '../../../lib/queries/individuals';

export type Individual = components['schemas']['Individual'];

export const individualQueryKey = (id: string) => [...individualsQueryKey, 'detail', id] as const;

export const individualQueryOptions = (id: string) =>
  queryOptions({
    queryKey: individualQueryKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/individuals/{id}', { params: { path: { id } } })),
  });

/** GET /individuals/{id}: one client (404 outside my reach). */
export const useIndividual = (id: string) => useQuery(individualQueryOptions(id));
