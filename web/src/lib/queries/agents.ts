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
