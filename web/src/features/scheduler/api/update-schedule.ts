import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { schedulesQueryKey } from './list-schedules';

export type SchedulePatch = NonNullable<
  paths['/api/v1/appointment-schedules/{id}']['patch']['requestBody']
>['content']['application/json'];

/** PATCH /appointment-schedules/{id}: `userIds` is the whole ordered list. */
export function useUpdateSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: SchedulePatch }) =>
      unwrap(api.PATCH('/api/v1/appointment-schedules/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schedulesQueryKey }),
  });
}
