import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type ApiKey = components['schemas']['ApiKey'];

export const apiKeysQueryKey = ['api-keys'] as const;

export const apiKeysQueryOptions = () =>
  queryOptions({
    queryKey: apiKeysQueryKey,
    queryFn: async () => (await unwrap(api.GET('/api/v1/api-keys'))).items,
  });

/** GET /api-keys: the account's keys, active and revoked. */
export const useApiKeys = () => useQuery(apiKeysQueryOptions());
