import { useMutation } from '@tanstack/react-query';
import { api, setCsrfToken, unwrap } from '../../../lib/api-client';
import { isUnauthenticated } from '../../../lib/problem';

/**
 * DELETE /session: sign out. The CSRF token is dropped whatever the server answers; the caller
 * leaves the signed-in pages and then clears the query cache.
 */
export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      try {
        await unwrap(api.DELETE('/api/v1/session'));
      } catch (error) {
        // Already signed out (expired session): that is what we wanted.
        if (!isUnauthenticated(error)) throw error;
      }
    },
    meta: { skipAuthRedirect: true },
    onSettled: () => setCsrfToken(null),
  });
}
