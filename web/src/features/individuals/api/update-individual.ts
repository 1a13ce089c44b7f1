import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { individualsQueryKey } from '../../../lib/queries/individuals';
import { individualQueryKey } from './get-individual';

export type IndividualPatch = NonNullable<
  paths['/api/v1/individuals/{id}']['patch']['requestBody']
>['content']['application/json'];

/** PATCH /individuals/{id}: only the fields sent change. */
export function useUpdateIndividual() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: IndividualPatch }) =>
      unwrap(api.PATCH('/api/v1/individuals/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: async (individual) => {
      queryClient.setQueryData(individualQueryKey(individual.id), individual);
      await queryClient.invalidateQueries({
        queryKey: individualsQueryKey,
        predicate: (q) => q.queryKey[1] !== 'detail',
      });
    },
  });
}
