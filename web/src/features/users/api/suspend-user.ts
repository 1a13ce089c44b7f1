import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { userQueryKey } from './get-user';
import { invalidateAfterUserChange } from './invalidate';

/** POST /users/{id}/suspend: sign-in refused and the user's sessions end at once. */
export function useSuspendUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/users/{id}/suspend', { params: { path: { id } } })),
    onSuccess: async (user) => {
      queryClient.setQueryData(userQueryKey(user.id), user);
      await invalidateAfterUserChange(queryClient);
    },
  });
}
