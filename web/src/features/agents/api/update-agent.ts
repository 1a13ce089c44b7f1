import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { agentsQueryKey } from '../../../lib/queries/agents';

export type AgentPatch = NonNullable<
  paths['/api/v1/agents/{id}']['patch']['requestBody']
>['content']['application/json'];

/** PATCH /agents/{id}: edit an Agent Record. */
export function useUpdateAgent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: AgentPatch }) =>
      unwrap(api.PATCH('/api/v1/agents/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentsQueryKey }),
  });
}
