import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../api-client';

export type SecurityGroup = components['schemas']['SecurityGroup'];
export type GroupPermissions = components['schemas']['GroupPermissions'];

export const securityGroupsQueryKey = ['security-groups'] as const;

export const securityGroupsQueryOptions = () =>
  queryOptions({
    queryKey: securityGroupsQueryKey,
    queryFn: async () => (await unwrap(api.GET('/api/v1/security-groups'))).items,
  });

/** GET /security-groups: every group with its permissions and user count, by name. */
export const useSecurityGroups = () => useQuery(securityGroupsQueryOptions());
