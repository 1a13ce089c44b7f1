import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, setCsrfToken, unwrap } from '../../../lib/api-client';

export type LoginInput = paths['/api/v1/session']['post']['requestBody']['content']['application/json'];

/** POST /session: sign in with username or email; the server sets the session cookie. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginInput) => unwrap(api.POST('/api/v1/session', { body })),
    // A 401 here means a wrong login or password, shown on the form.
    meta: { skipAuthRedirect: true },
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Nothing cached for a previous user may leak into this session.
      queryClient.clear();
    },
  });
}
