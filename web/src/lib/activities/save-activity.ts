import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../api-client';
import { activitiesQueryKey } from '../queries/activities';

export type ActivityInput = paths['/api/v1/activities']['post']['requestBody']['content']['application/json'];
export type ActivityPatch = NonNullable<
  paths['/api/v1/activities/{id}']['patch']['requestBody']
>['content']['application/json'];

/** POST /activities (no id) or PATCH /activities/{id}. */
export function useSaveActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: ActivityInput }) =>
      id
        ? unwrap(
            api.PATCH('/api/v1/activities/{id}', { params: { path: { id } }, body: body as ActivityPatch }),
          )
        : unwrap(api.POST('/api/v1/activities', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: activitiesQueryKey }),
  });
}
