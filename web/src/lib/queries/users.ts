import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../api-client';

export type UserSummary = components['schemas']['UserSummary'] & { teamNames: string[] };

/** Every query about users starts with this key (lists, one user, pickers). */
export const usersQueryKey = ['users'] as const;

/** All users, active and suspended, for pickers (team members, "view other users' activities"). */
export const allUsersQueryOptions = () =>
  queryOptions({
    queryKey: [...usersQueryKey, 'all'],
    queryFn: async () => {
      const all: UserSummary[] = [];
      let cursor: string | undefined;
      // An agency has tens to hundreds of users: a few pages at most.
      for (let i = 0; i < 50; i++) {
        const page = await unwrap(
          api.GET('/api/v1/users', {
            params: { query: { status: 'all', limit: 200, ...(cursor ? { cursor } : {}) } },
          }),
        );
        all.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return all;
    },
  });

/** GET /users (every page): the account's users by last name. */
export const useAllUsers = () => useQuery(allUsersQueryOptions());
