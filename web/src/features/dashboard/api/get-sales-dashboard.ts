import { queryOptions, useQuery } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';

export type SalesDashboard =
  paths['/api/v1/sales-records/dashboard']['get']['responses'][200]['content']['application/json'];

export const salesDashboardQueryOptions = () =>
  queryOptions({
    queryKey: [...salesRecordsQueryKey, 'dashboard'],
    queryFn: () => unwrap(api.GET('/api/v1/sales-records/dashboard')),
  });

/** GET /sales-records/dashboard: counts by type (with temperatures) and status, recent records — my scope. */
export const useSalesDashboard = () => useQuery(salesDashboardQueryOptions());
