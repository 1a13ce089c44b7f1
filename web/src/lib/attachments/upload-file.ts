import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api-client';
import { attachmentsQueryKey, type RecordFile, type RecordOwner } from '../queries/attachments';

/**
 * POST …/files as multipart/form-data (field "file"). The server checks the type by extension
 * and leading bytes and refuses files over its size limit, saying why.
 */
export function useUploadFile(owner: RecordOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File): Promise<RecordFile> => {
      const form = new FormData();
      form.append('file', file, file.name);
      const params = { params: { path: { id: owner.id } }, body: form as never };
      return owner.kind === 'sales_record'
        ? unwrap(api.POST('/api/v1/sales-records/{id}/files', params))
        : unwrap(api.POST('/api/v1/individuals/{id}/files', params));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentsQueryKey(owner) }),
  });
}
