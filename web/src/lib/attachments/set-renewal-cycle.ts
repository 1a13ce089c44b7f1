import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api-client';
import { attachmentsQueryKey, type RecordOwner } from '../queries/attachments';
import type { RenewalCycle } from '../queries/commissions';

/** PATCH /policies/{id} with only its renewal cycle. */
export function useSetRenewalCycle(owner: RecordOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ policyId, renewalCycle }: { policyId: string; renewalCycle: RenewalCycle | null }) =>
      unwrap(
        api.PATCH('/api/v1/policies/{id}', {
          params: { path: { id: policyId } },
          body: { renewalCycle },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentsQueryKey(owner) }),
  });
}
