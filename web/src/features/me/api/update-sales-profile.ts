import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { salesProfileQueryKey } from './get-sales-profile';

export type SalesProfilePatch = NonNullable<
  paths['/api/v1/me/sales-profile']['patch']['requestBody']
>['content']['application/json'];

/** PATCH /me/sales-profile: fields left out stay as they are. */
export function useUpdateSalesProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SalesProfilePatch) => unwrap(api.PATCH('/api/v1/me/sales-profile', { body })),
    onSuccess: (profile) => queryClient.setQueryData(salesProfileQueryKey, profile),
  });
}
