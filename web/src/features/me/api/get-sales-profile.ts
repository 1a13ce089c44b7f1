import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type SalesProfile = components['schemas']['SalesProfile'];

export const salesProfileQueryKey = ['me', 'sales-profile'] as const;

export const salesProfileQueryOptions = () =>
  queryOptions({
    queryKey: salesProfileQueryKey,
    queryFn: () => unwrap(api.GET('/api/v1/me/sales-profile')),
  });

/** GET /me/sales-profile: my phone, NPN, signature and sales rep IDs (for SOA and ACA forms). */
export const useSalesProfile = () => useQuery(salesProfileQueryOptions());
