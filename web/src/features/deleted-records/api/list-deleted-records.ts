import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';

export const deletedRecordsQueryOptions = () =>
  queryOptions({
    queryKey: [...salesRecordsQueryKey, 'deleted'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/sales-records/deleted'))).items,
  });

/** GET /sales-records/deleted: deleted Sales Records still recoverable, newest first (Manage Users). */
export const useDeletedRecords = () => useQuery(deletedRecordsQueryOptions());
