import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { salesRecordsQueryKey } from '../../../lib/queries/sales-records';
import { importsQueryKey } from './keys';

/** POST /imports/{id}/rollback: remove the Sales Records the import created. */
export function useRollbackImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/imports/{id}/rollback', { params: { path: { id } } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: importsQueryKey }),
        queryClient.invalidateQueries({ queryKey: salesRecordsQueryKey }),
      ]),
  });
}
