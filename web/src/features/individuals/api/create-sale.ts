import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';

export type NewSaleInput =
  paths['/api/v1/individuals/{id}/sales-records']['post']['requestBody']['content']['application/json'];

/**
 * POST /individuals/{id}/sales-records: a new sale to an existing client — a Sales Record with the
 * client's details, which merges back into this client when it converts.
 */
export function useCreateSale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ individualId, input }: { individualId: string; input: NewSaleInput }) =>
      unwrap(
        api.POST('/api/v1/individuals/{id}/sales-records', {
          params: { path: { id: individualId } },
          body: input,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: salesRecordsQueryKey }),
  });
}
