import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type Account = components['schemas']['Account'];

export const accountQueryKey = ['account'] as const;

export const accountQueryOptions = () =>
  queryOptions({ queryKey: accountQueryKey, queryFn: () => unwrap(api.GET('/api/v1/account')) });

/** GET /account: my agency. */
export const useAccount = () => useQuery(accountQueryOptions());
