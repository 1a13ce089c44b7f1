import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { accountQueryKey } from '../../../lib/queries/account';

export type LeadIntakeSettings = components['schemas']['LeadIntakeSettings'];

/** PATCH /account { leadIntake }: what a lead post creates, and what a duplicate does. */
export function useUpdateLeadIntake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (leadIntake: LeadIntakeSettings) =>
      unwrap(api.PATCH('/api/v1/account', { body: { leadIntake } })),
    onSuccess: (account) => queryClient.setQueryData(accountQueryKey, account),
  });
}
