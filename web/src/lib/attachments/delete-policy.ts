import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api-client';
import { attachmentsQueryKey, type RecordOwner } from '../queries/attachments';

/** DELETE /policies/{id}. */
export function useDeletePolicy(owner: RecordOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/policies/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentsQueryKey(owner) }),
  });
}
