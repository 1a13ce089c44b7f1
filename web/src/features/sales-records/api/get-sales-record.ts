import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';

export type SalesRecord = components['schemas']['SalesRecord'];

export const salesRecordQueryKey = (id: string) => [...salesRecordsQueryKey, 'detail', id] as const;

export const salesRecordQueryOptions = (id: string) =>
  queryOptions({
    queryKey: salesRecordQueryKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/sales-records/{id}', { params: { path: { id } } })),
  });

/** GET /sales-records/{id}: one record (404 when it is outside my scope, exactly as if it did not exist). */
export const useSalesRecord = (id: string) => useQuery(salesRecordQueryOptions(id));
