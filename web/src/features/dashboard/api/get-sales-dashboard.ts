import { queryOptions, useQuery } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';

export type SalesDashboard =
  paths['/api/v1/sales-records/dashboard']['get']['responses'][200]['content']['application/json'];

/** Whose open records: mine (assigned to me or my Linked Agents) or all I may see. */
export type DashboardWhose = 'mine' | 'all';

export const salesDashboardQueryOptions = (whose: DashboardWhose = 'mine') =>
  queryOptions({
    queryKey: [...salesRecordsQueryKey, 'dashboard', whose],
    queryFn: () => unwrap(api.GET('/api/v1/sales-records/dashboard', { params: { query: { whose } } })),
  });

/** GET /sales-records/dashboard: open records by type (with temperatures) and status, recent ones. */
export const useSalesDashboard = (whose: DashboardWhose = 'mine') =>
  useQuery(salesDashboardQueryOptions(whose));
