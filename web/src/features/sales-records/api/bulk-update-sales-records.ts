import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';

export type BulkUpdateInput =
  paths['/api/v1/sales-records/bulk']['post']['requestBody']['content']['application/json'];

/** POST /sales-records/bulk: assign or change the status of selected records, all or nothing. */
export function useBulkUpdateSalesRecords() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkUpdateInput) => unwrap(api.POST('/api/v1/sales-records/bulk', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: salesRecordsQueryKey }),
  });
}
