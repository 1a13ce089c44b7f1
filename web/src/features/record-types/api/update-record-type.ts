import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { recordTypesQueryKey } from '../../../lib/queries/record-types';

export type RecordTypePatch = NonNullable<
  paths['/api/v1/record-types/{id}']['patch']['requestBody']
>['content']['application/json'];

/** PATCH /record-types/{id}: `statuses` is the full ordered list (statuses with an id keep it). */
export function useUpdateRecordType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: RecordTypePatch }) =>
      unwrap(api.PATCH('/api/v1/record-types/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordTypesQueryKey }),
  });
}
