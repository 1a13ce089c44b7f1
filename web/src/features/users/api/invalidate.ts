import type { QueryClient } from '@tanstack/react-query';
import { securityGroupsQueryKey } from '../../../lib/queries/security-groups';
import { teamsQueryKey } from '../../../lib/queries/teams';
import { usersQueryKey } from '../../../lib/queries/users';

/**
 * After a user changes: user lists, group user counts and team members may all differ. A deleted
 * user's own query (`deletedId`) is left alone: refetching it would only answer 404.
 */
export const invalidateAfterUserChange = (queryClient: QueryClient, deletedId?: string) =>
  Promise.all([
    queryClient.invalidateQueries({
      queryKey: usersQueryKey,
      predicate: (q) => !(deletedId && q.queryKey[1] === 'detail' && q.queryKey[2] === deletedId),
    }),
    queryClient.invalidateQueries({ queryKey: securityGroupsQueryKey }),
    queryClient.invalidateQueries({ queryKey: teamsQueryKey }),
  ]);
