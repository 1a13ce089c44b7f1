import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { securityGroupsQueryKey } from '../../../lib/queries/security-groups';
import { usersQueryKey } from '../../../lib/queries/users';
import { meQueryKey } from '../../../lib/session';

export type SecurityGroupPatch = NonNullable<
  paths['/api/v1/security-groups/{id}']['patch']['requestBody']
>['content']['application/json'];

/** PATCH /security-groups/{id}: its users get the change on their next request. */
export function useUpdateSecurityGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: SecurityGroupPatch }) =>
      unwrap(api.PATCH('/api/v1/security-groups/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: securityGroupsQueryKey }),
        // Group names show in user lists; my own group may be the one that changed.
        queryClient.invalidateQueries({ queryKey: usersQueryKey }),
        queryClient.invalidateQueries({ queryKey: meQueryKey }),
      ]),
  });
}
