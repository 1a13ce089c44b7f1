import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';
import { salesRecordQueryKey } from './get-sales-record';

export type SalesRecordPatch = NonNullable<
  paths['/api/v1/sales-records/{id}']['patch']['requestBody']
>['content']['application/json'];

/** PATCH /sales-records/{id}: only the fields sent change; the history records each from → to. */
export function useUpdateSalesRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: SalesRecordPatch }) =>
      unwrap(api.PATCH('/api/v1/sales-records/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: async (record) => {
      queryClient.setQueryData(salesRecordQueryKey(record.id), record);
      await queryClient.invalidateQueries({
        queryKey: salesRecordsQueryKey,
        predicate: (q) => !(q.queryKey[1] === 'detail' && q.queryKey[2] === record.id),
      });
    },
  });
}
