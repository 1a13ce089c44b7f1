import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** POST /password-resets: email a reset link (the answer is the same whether the login exists). */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (login: string) => unwrap(api.POST('/api/v1/password-resets', { body: { login } })),
  });
}
