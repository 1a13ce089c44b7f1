import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { recordTypesQueryKey } from '../../../lib/queries/record-types';

/** DELETE /record-types/{id}: not the account's default (422). */
export function useDeleteRecordType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/record-types/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordTypesQueryKey }),
  });
}
