import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../api-client';

/**
 * Reads shared by several features live in lib/queries (features never import each other); a
 * feature's own operations (and its mutations, which invalidate these keys) stay in its api/.
 */
export type Account = components['schemas']['Account'];

export const accountQueryKey = ['account'] as const;

export const accountQueryOptions = () =>
  queryOptions({ queryKey: accountQueryKey, queryFn: () => unwrap(api.GET('/api/v1/account')) });

/** GET /account: my agency (name, package, default record type, custom field labels). */
export const useAccount = () => useQuery(accountQueryOptions());
