import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/session';
import { accountQueryKey } from '../../../lib/queries/account';

export type AccountPatch = NonNullable<
  paths['/api/v1/account']['patch']['requestBody']
>['content']['application/json'];

/** PATCH /account: agency name, time zone, default record type, custom field labels (account admins). */
export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountPatch) => unwrap(api.PATCH('/api/v1/account', { body })),
    onSuccess: async (account) => {
      queryClient.setQueryData(accountQueryKey, account);
      // The header shows the account name from /me.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
