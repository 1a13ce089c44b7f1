import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** POST /password-resets/confirm: set a new password with the link's token (single use). */
export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) =>
      unwrap(api.POST('/api/v1/password-resets/confirm', { body })),
  });
}
