import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type LeadPost =
  paths['/api/v1/inbound/leads/log']['get']['responses'][200]['content']['application/json']['items'][number];

export const leadPostsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ['lead-posts'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/inbound/leads/log', {
          params: { query: { limit: 25, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** GET /inbound/leads/log: every lead post with its outcome and the fields it carried, newest first. */
export const useLeadPosts = () => useInfiniteQuery(leadPostsQueryOptions());
