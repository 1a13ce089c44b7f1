import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { individualsQueryKey } from '../../../lib/queries/individuals';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';

/** POST /sales-records/convert: convert several, each on its own; the answer lists every outcome. */
export function useConvertSalesRecords() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => unwrap(api.POST('/api/v1/sales-records/convert', { body: { ids } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: salesRecordsQueryKey }),
        queryClient.invalidateQueries({ queryKey: individualsQueryKey }),
      ]),
  });
}
