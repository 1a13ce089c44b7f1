import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterUserChange } from './invalidate';

/** DELETE /users/{id}: the user leaves every list; what they did stays attributed to them. */
export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/users/{id}', { params: { path: { id } } })),
    onSuccess: (_data, id) => invalidateAfterUserChange(queryClient, id),
  });
}
