import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';

export type HistoryEvent = components['schemas']['HistoryEvent'];

export const historyQueryKey = (id: string) => [...salesRecordsQueryKey, 'history', id] as const;

/** GET /sales-records/{id}/history: the audit trail, oldest first. */
export const useSalesRecordHistory = (id: string, enabled = true) =>
  useQuery({
    ...queryOptions({
      queryKey: historyQueryKey(id),
      queryFn: async () =>
        (await unwrap(api.GET('/api/v1/sales-records/{id}/history', { params: { path: { id } } }))).items,
    }),
    enabled,
  });
