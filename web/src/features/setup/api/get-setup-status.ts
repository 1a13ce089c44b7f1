import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export const setupStatusQueryKey = ['setup'] as const;

/** GET /setup: whether this installation still needs its first account. */
export const setupStatusQueryOptions = () =>
  queryOptions({
    queryKey: setupStatusQueryKey,
    queryFn: () => unwrap(api.GET('/api/v1/setup')),
    staleTime: 0,
  });
