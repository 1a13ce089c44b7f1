import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { accountQueryKey } from '../../../lib/queries/account';
import { recordTypesQueryKey } from '../../../lib/queries/record-types';

/** PATCH /account {defaultRecordTypeId}: the type new Sales Records get. */
export function useSetDefaultRecordType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (defaultRecordTypeId: string) =>
      unwrap(api.PATCH('/api/v1/account', { body: { defaultRecordTypeId } })),
    onSuccess: (account) => {
      queryClient.setQueryData(accountQueryKey, account);
      return queryClient.invalidateQueries({ queryKey: recordTypesQueryKey });
    },
  });
}
