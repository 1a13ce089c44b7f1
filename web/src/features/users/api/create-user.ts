import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { userQueryKey } from './get-user';
import { invalidateAfterUserChange } from './invalidate';

export type CreateUserInput = paths['/api/v1/users']['post']['requestBody']['content']['application/json'];

/**
 * POST /users. With `sendLoginInfo` (Save & Email Login Info) the temporary password is emailed;
 * without, the answer carries it, shown once.
 */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserInput) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: async ({ user }) => {
      queryClient.setQueryData(userQueryKey(user.id), user);
      await invalidateAfterUserChange(queryClient);
    },
  });
}
