import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { customFieldsQueryKey } from '../../../lib/queries/custom-fields';

export type CustomFieldPatch = NonNullable<
  paths['/api/v1/custom-fields/{id}']['patch']['requestBody']
>['content']['application/json'];

/** PATCH /custom-fields/{id}: relabel, reorder, make required, change pick-list options (key and type stay). */
export function useUpdateCustomField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: CustomFieldPatch }) =>
      unwrap(api.PATCH('/api/v1/custom-fields/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customFieldsQueryKey }),
  });
}
