import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';

export type EmailSummary = components['schemas']['EmailSummary'];

export const PAGE_SIZE = 25;

export const emailsQueryKey = ['emails', 'list'] as const;

export const emailsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: emailsQueryKey,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/emails', {
          params: { query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** GET /emails: the outbox, newest first, one cursor page at a time. */
export const useEmails = () => useInfiniteQuery(emailsQueryOptions());
