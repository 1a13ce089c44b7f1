import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { teamsQueryKey } from '../../../lib/queries/teams';
import { usersQueryKey } from '../../../lib/queries/users';

export type TeamInput = paths['/api/v1/teams']['post']['requestBody']['content']['application/json'];

/** POST /teams: a name and its members. */
export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TeamInput) => unwrap(api.POST('/api/v1/teams', { body })),
    // User rows list their teams.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: teamsQueryKey }),
        queryClient.invalidateQueries({ queryKey: usersQueryKey }),
      ]),
  });
}
