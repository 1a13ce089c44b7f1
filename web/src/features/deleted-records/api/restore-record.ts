import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';

/** POST /sales-records/{id}/restore: back in every list (410 once the 30 days are over). */
export function useRestoreRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/sales-records/{id}/restore', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: salesRecordsQueryKey }),
  });
}
