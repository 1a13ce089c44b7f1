import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { individualsQueryKey } from '../../../lib/queries/individuals';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';

/**
 * POST /sales-records/{id}/convert: a closed-won record becomes an Individual (or merges into the
 * one it was made for); its notes, files and policies go along; the record stays, read-only.
 */
export function useConvertSalesRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/sales-records/{id}/convert', { params: { path: { id } } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: salesRecordsQueryKey }),
        queryClient.invalidateQueries({ queryKey: individualsQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['attachments'] }),
      ]),
  });
}
