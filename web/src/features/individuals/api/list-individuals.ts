import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { individualsQueryKey } from '../../../lib/queries/individuals';

export const CLIENTS_PAGE_SIZE = 50;

export const individualsListQueryOptions = (q: string) =>
  infiniteQueryOptions({
    queryKey: [...individualsQueryKey, 'list', q],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/individuals', {
          params: {
            query: {
              limit: CLIENTS_PAGE_SIZE,
              ...(q ? { q } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

/** GET /individuals: clients within my reach, newest first, searched by name, email or phone. */
export const useIndividuals = (q: string) => useInfiniteQuery(individualsListQueryOptions(q));
