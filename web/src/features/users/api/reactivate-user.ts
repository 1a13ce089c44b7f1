import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { userQueryKey } from './get-user';
import { invalidateAfterUserChange } from './invalidate';

/** POST /users/{id}/reactivate: allowed from 14 days after the suspension (422 before, naming the date). */
export function useReactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/users/{id}/reactivate', { params: { path: { id } } })),
    onSuccess: async (user) => {
      queryClient.setQueryData(userQueryKey(user.id), user);
      await invalidateAfterUserChange(queryClient);
    },
  });
}
