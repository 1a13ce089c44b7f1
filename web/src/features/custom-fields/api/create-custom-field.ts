import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { customFieldsQueryKey } from '../../../lib/queries/custom-fields';

export type CustomFieldInput =
  paths['/api/v1/custom-fields']['post']['requestBody']['content']['application/json'];

/** POST /custom-fields: a new field on Sales Records, Individuals or Policies. */
export function useCreateCustomField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomFieldInput) => unwrap(api.POST('/api/v1/custom-fields', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customFieldsQueryKey }),
  });
}
