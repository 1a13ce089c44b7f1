import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { securityGroupsQueryKey } from '../../../lib/queries/security-groups';

/** DELETE /security-groups/{id}: only a group without users (409 otherwise). */
export function useDeleteSecurityGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/security-groups/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityGroupsQueryKey }),
  });
}
