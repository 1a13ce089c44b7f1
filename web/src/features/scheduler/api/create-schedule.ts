import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { schedulesQueryKey } from './list-schedules';

export type ScheduleInput = NonNullable<
  paths['/api/v1/appointment-schedules']['post']['requestBody']
>['content']['application/json'];

/** POST /appointment-schedules. */
export function useCreateSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleInput) => unwrap(api.POST('/api/v1/appointment-schedules', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schedulesQueryKey }),
  });
}
