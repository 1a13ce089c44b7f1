import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { components, paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';

export type SalesRecordListItem = components['schemas']['SalesRecordListItem'];
/** The list's filters, search and sort as the API takes them (no cursor, no limit). */
export type ListQuery = Omit<
  NonNullable<paths['/api/v1/sales-records']['get']['parameters']['query']>,
  'cursor' | 'limit'
>;

export const LEADS_PAGE_SIZE = 50;

export const salesRecordListQueryOptions = (query: ListQuery) =>
  infiniteQueryOptions({
    queryKey: [...salesRecordsQueryKey, 'list', query],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/sales-records', {
          params: {
            query: { ...query, limit: LEADS_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

/** GET /sales-records: the lead list within my scope, one cursor page at a time. */
export const useSalesRecordList = (query: ListQuery) => useInfiniteQuery(salesRecordListQueryOptions(query));
