import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/session';
import { userQueryKey } from './get-user';
import { invalidateAfterUserChange } from './invalidate';

export type UpdateUserInput = NonNullable<
  paths['/api/v1/users/{id}']['patch']['requestBody']
>['content']['application/json'];

/** PATCH /users/{id}: only the fields sent change (nobody can raise their own permissions). */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateUserInput }) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: async (user) => {
      queryClient.setQueryData(userQueryKey(user.id), user);
      // Editing oneself changes what /me says (name, group, sales permissions).
      await Promise.all([
        invalidateAfterUserChange(queryClient),
        queryClient.invalidateQueries({ queryKey: meQueryKey }),
      ]);
    },
  });
}
