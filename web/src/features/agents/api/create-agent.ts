import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { agentsQueryKey } from '../../../lib/queries/agents';

export type AgentInput = paths['/api/v1/agents']['post']['requestBody']['content']['application/json'];

/** POST /agents: a new Agent Record (the phone is stored in E.164). */
export function useCreateAgent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AgentInput) => unwrap(api.POST('/api/v1/agents', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentsQueryKey }),
  });
}
