import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api-client';
import { attachmentsQueryKey, type RecordOwner } from '../queries/attachments';

/** DELETE /files/{id}: remove an uploaded file or a link from the record. */
export function useDeleteFile(owner: RecordOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/files/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentsQueryKey(owner) }),
  });
}
