import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { securityGroupsQueryKey } from '../../../lib/queries/security-groups';

export type SecurityGroupInput =
  paths['/api/v1/security-groups']['post']['requestBody']['content']['application/json'];

/** POST /security-groups: answers the new group's id. */
export function useCreateSecurityGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SecurityGroupInput) => unwrap(api.POST('/api/v1/security-groups', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityGroupsQueryKey }),
  });
}
