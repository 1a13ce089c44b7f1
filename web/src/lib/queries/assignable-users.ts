import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api-client';
import { usersQueryKey } from './users';

export type AssignableUser = { id: string; firstName: string; lastName: string };

export const assignableUsersQueryOptions = () =>
  queryOptions({
    queryKey: [...usersQueryKey, 'assignable'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/users/assignable'))).items,
    staleTime: 60_000,
  });

/** GET /users/assignable: the users I may pick as a record's assignee (my Agent Dropdown View). */
export const useAssignableUsers = (enabled = true) => useQuery({ ...assignableUsersQueryOptions(), enabled });
