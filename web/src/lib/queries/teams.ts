import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../api-client';

export type Team = components['schemas']['Team'];

export const teamsQueryKey = ['teams'] as const;

export const teamsQueryOptions = () =>
  queryOptions({
    queryKey: teamsQueryKey,
    queryFn: async () => (await unwrap(api.GET('/api/v1/teams'))).items,
  });

/** GET /teams: every team with its member ids. */
export const useTeams = () => useQuery(teamsQueryOptions());
