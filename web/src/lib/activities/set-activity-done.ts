import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api-client';
import { activitiesQueryKey } from '../queries/activities';

/** POST /activities/{id}/complete or /reopen (default statuses: Completed, Scheduled). */
export function useSetActivityDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) =>
      done
        ? unwrap(api.POST('/api/v1/activities/{id}/complete', { params: { path: { id } }, body: {} }))
        : unwrap(api.POST('/api/v1/activities/{id}/reopen', { params: { path: { id } }, body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: activitiesQueryKey }),
  });
}
