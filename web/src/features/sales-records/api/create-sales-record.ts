import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';
import { salesRecordQueryKey } from './get-sales-record';

export type CreateSalesRecordInput =
  paths['/api/v1/sales-records']['post']['requestBody']['content']['application/json'];

/** POST /sales-records (Add on the record type). */
export function useCreateSalesRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSalesRecordInput) => unwrap(api.POST('/api/v1/sales-records', { body })),
    onSuccess: async (record) => {
      queryClient.setQueryData(salesRecordQueryKey(record.id), record);
      await queryClient.invalidateQueries({
        queryKey: salesRecordsQueryKey,
        predicate: (q) => q.queryKey[1] !== 'detail',
      });
    },
  });
}
