import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/session';

export type ProfilePatch = NonNullable<
  paths['/api/v1/me']['patch']['requestBody']
>['content']['application/json'];

/** PATCH /me: edit my name and time zone. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfilePatch) => unwrap(api.PATCH('/api/v1/me', { body })),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
