import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { individualsQueryKey } from '../../../lib/queries/individuals';

export type ClientSalesRecord = components['schemas']['ClientSalesRecord'];

/** GET /individuals/{id}/sales-records: the client's Sales Records I may see, newest first. */
export const useClientSalesRecords = (id: string, enabled = true) =>
  useQuery({
    ...queryOptions({
      queryKey: [...individualsQueryKey, 'sales-records', id],
      queryFn: async () =>
        (await unwrap(api.GET('/api/v1/individuals/{id}/sales-records', { params: { path: { id } } }))).items,
    }),
    enabled,
  });
