import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';
import { salesRecordQueryKey } from './get-sales-record';

/**
 * DELETE /sales-records/{id}?acknowledgeRetention=true (Delete on its type). The user has
 * confirmed the 10-year retention duty; an admin can restore the record for 30 days.
 */
export function useDeleteSalesRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.DELETE('/api/v1/sales-records/{id}', {
          params: { path: { id }, query: { acknowledgeRetention: 'true' } },
        }),
      ),
    onSuccess: async (_data, id) => {
      queryClient.removeQueries({ queryKey: salesRecordQueryKey(id) });
      await queryClient.invalidateQueries({
        queryKey: salesRecordsQueryKey,
        predicate: (q) => q.queryKey[2] !== id,
      });
    },
  });
}
