import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { teamsQueryKey } from '../../../lib/queries/teams';
import { usersQueryKey } from '../../../lib/queries/users';

export type TeamPatch = NonNullable<
  paths['/api/v1/teams/{id}']['patch']['requestBody']
>['content']['application/json'];

/** PATCH /teams/{id}: rename, or set the members (the full list). */
export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TeamPatch }) =>
      unwrap(api.PATCH('/api/v1/teams/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: teamsQueryKey }),
        queryClient.invalidateQueries({ queryKey: usersQueryKey }),
      ]),
  });
}
