import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, setCsrfToken, unwrap } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/session';
import { setupStatusQueryKey } from './get-setup-status';

export type SetupInput = paths['/api/v1/setup']['post']['requestBody']['content']['application/json'];

/** POST /setup: create the first account and its admin; the admin is signed in. */
export function useCompleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupInput) => unwrap(api.POST('/api/v1/setup', { body })),
    onSuccess: (result) => {
      setCsrfToken(result.csrfToken);
      queryClient.setQueryData(setupStatusQueryKey, { needed: false });
      queryClient.removeQueries({ queryKey: meQueryKey });
    },
  });
}
