import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api-client';
import { attachmentsQueryKey, type RecordFile, type RecordOwner } from '../queries/attachments';

export type LinkInput = { name: string; url: string };

/** POST …/links: attach a URL (http or https) under a name. */
export function useAddLink(owner: RecordOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: LinkInput): Promise<RecordFile> => {
      const params = { params: { path: { id: owner.id } }, body };
      return owner.kind === 'sales_record'
        ? unwrap(api.POST('/api/v1/sales-records/{id}/links', params))
        : unwrap(api.POST('/api/v1/individuals/{id}/links', params));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentsQueryKey(owner) }),
  });
}
