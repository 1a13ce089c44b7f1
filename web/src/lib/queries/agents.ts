import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../api-client';

export type Agent = components['schemas']['Agent'];
export type AgentFilter = { q?: string; active?: boolean };

export const agentsQueryKey = ['agents'] as const;

export const agentsQueryOptions = (filter: AgentFilter = {}) =>
  queryOptions({
    queryKey: [...agentsQueryKey, filter],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/agents', {
            params: {
              query: {
                ...(filter.q ? { q: filter.q } : {}),
                ...(filter.active === undefined ? {} : { active: filter.active ? 'true' : 'false' }),
              },
            },
          }),
        )
      ).items,
    placeholderData: keepPreviousData,
  });

/** GET /agents: Agent Records (by last name), optionally searched and filtered on Active. */
export const useAgents = (filter: AgentFilter = {}) => useQuery(agentsQueryOptions(filter));

export type AssignableAgent = { id: string; firstName: string; lastName: string; npn: string | null };

export const assignableAgentsQueryOptions = () =>
  queryOptions({
    queryKey: [...agentsQueryKey, 'assignable'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/agents/assignable'))).items,
    staleTime: 60_000,
  });

/**
 * GET /agents/assignable: the active Agent Records I may pick on a record (only my Linked Agents
 * when my Agent Dropdown View is “self”). Pickers use this; the admin pages use GET /agents.
 */
export const useAssignableAgents = (enabled = true) =>
  useQuery({ ...assignableAgentsQueryOptions(), enabled });
