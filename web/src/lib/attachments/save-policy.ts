import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../api-client';
import { attachmentsQueryKey, type Policy, type RecordOwner } from '../queries/attachments';

export type PolicyInput =
  paths['/api/v1/sales-records/{id}/policies']['post']['requestBody']['content']['application/json'];

/** POST …/policies (a new, usually quoted, policy) or PATCH /policies/{id} (`id` given). */
export function useSavePolicy(owner: RecordOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input }: { id?: string; input: PolicyInput }): Promise<Policy> => {
      if (id) return unwrap(api.PATCH('/api/v1/policies/{id}', { params: { path: { id } }, body: input }));
      const params = { params: { path: { id: owner.id } }, body: input };
      return owner.kind === 'sales_record'
        ? unwrap(api.POST('/api/v1/sales-records/{id}/policies', params))
        : unwrap(api.POST('/api/v1/individuals/{id}/policies', params));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentsQueryKey(owner) }),
  });
}
