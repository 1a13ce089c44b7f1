import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../api-client';
import { attachmentsQueryKey, type RecordOwner } from '../queries/attachments';
import type { Commission } from '../queries/commissions';

export type CommissionInput =
  paths['/api/v1/policies/{id}/commissions']['post']['requestBody']['content']['application/json'];

/** POST /policies/{policyId}/commissions, or PATCH /commissions/{id} when `id` is given. */
export function useSaveCommission(owner: RecordOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      policyId,
      input,
    }: {
      id?: string;
      policyId: string;
      input: CommissionInput;
    }): Promise<Commission> =>
      id
        ? unwrap(api.PATCH('/api/v1/commissions/{id}', { params: { path: { id } }, body: input }))
        : unwrap(
            api.POST('/api/v1/policies/{id}/commissions', {
              params: { path: { id: policyId } },
              body: input,
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentsQueryKey(owner) }),
  });
}
