import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { individualsQueryKey } from '../../../lib/queries/individuals';

export type ClientHistoryEvent = components['schemas']['HistoryEvent'];

export const clientHistoryQueryKey = (id: string) => [...individualsQueryKey, 'history', id] as const;

/** GET /individuals/{id}/history: the client's and its policies' audit trail, oldest first. */
export const useClientHistory = (id: string) =>
  useQuery(
    queryOptions({
      queryKey: clientHistoryQueryKey(id),
      queryFn: async () =>
        (await unwrap(api.GET('/api/v1/individuals/{id}/history', { params: { path: { id } } }))).items,
    }),
  );
