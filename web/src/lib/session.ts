import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { paths } from '../api/schema';
import { api, setCsrfToken, unwrap } from './api-client';

/** The signed-in user with account and permissions (GET /me), shared by every feature. */
export type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];

export const meQueryKey = ['me'] as const;

export const meQueryOptions = () =>
  queryOptions({
    queryKey: meQueryKey,
    queryFn: async () => {
      const me = await unwrap(api.GET('/api/v1/me'));
      setCsrfToken(me.csrfToken);
      return me;
    },
    staleTime: 60_000,
    retry: false,
    // The route guards send a signed-out visitor to /login themselves.
    meta: { skipAuthRedirect: true },
  });

/** The signed-in user; only for components below the authenticated routes (data is preloaded). */
export function useMe(): Me {
  return useSuspenseQuery(meQueryOptions()).data;
}

/** A task id of the permission matrix (docs/permissions.md), e.g. `users.manage`. */
export type Task = string;

/** Whether the signed-in user may do `task` (from GET /me `tasks`). */
export const hasTask = (me: Pick<Me, 'tasks'>, task: Task): boolean => me.tasks.includes(task);

/** Settings (users, groups, teams, record types, account, API keys, outbox) need Manage Users. */
export const canManageUsers = (me: Pick<Me, 'tasks'>): boolean => hasTask(me, 'users.manage');

export type RecordTypeBit = 'view' | 'add' | 'edit' | 'delete';
const BIT_TASKS: Record<RecordTypeBit, Task> = {
  view: 'sales_record.view',
  add: 'sales_record.add',
  edit: 'sales_record.edit',
  delete: 'sales_record.delete',
};

/**
 * Whether the user may view/add/edit/delete Sales Records of one record type: the task (Sales
 * Enablement, package) and the bit in their Record Type Access. The server decides again, with the
 * record's scope.
 */
export const canOnRecordType = (
  me: Pick<Me, 'tasks' | 'salesPermissions'>,
  bit: RecordTypeBit,
  recordTypeId: string,
): boolean =>
  hasTask(me, BIT_TASKS[bit]) && me.salesPermissions.recordTypeAccess[recordTypeId]?.[bit] === true;
