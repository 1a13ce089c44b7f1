import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { recordTypesQueryKey } from '../../../lib/queries/record-types';

export type RecordTypeInput =
  paths['/api/v1/record-types']['post']['requestBody']['content']['application/json'];

/** POST /record-types: 422 once the account has 10. */
export function useCreateRecordType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordTypeInput) => unwrap(api.POST('/api/v1/record-types', { body })),
    // Also after a refusal: someone else may have added types meanwhile (the limit).
    onSettled: () => queryClient.invalidateQueries({ queryKey: recordTypesQueryKey }),
  });
}
