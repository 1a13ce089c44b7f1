import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { usersQueryKey } from '../../../lib/queries/users';

export type UserStatusFilter = 'active' | 'suspended' | 'all';
export type UsersFilter = { q: string; status: UserStatusFilter };

export const USERS_PAGE_SIZE = 50;

export const usersListQueryOptions = (filter: UsersFilter) =>
  infiniteQueryOptions({
    queryKey: [...usersQueryKey, 'list', filter],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/users', {
          params: {
            query: {
              status: filter.status,
              limit: USERS_PAGE_SIZE,
              ...(filter.q ? { q: filter.q } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Keep the rows on screen while a new search loads.
    placeholderData: keepPreviousData,
  });

/** GET /users: users by last name, searched by name, email or username, one cursor page at a time. */
export const useUsers = (filter: UsersFilter) => useInfiniteQuery(usersListQueryOptions(filter));
