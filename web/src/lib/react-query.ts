import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './problem';

type RequestMeta = {
  /** Do not send the user to /login on a 401 (e.g. the sign-in form itself, the route guards). */
  skipAuthRedirect?: boolean;
};

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: RequestMeta;
    mutationMeta: RequestMeta;
  }
}

export type AuthErrorHandler = (error: unknown, meta: RequestMeta | undefined) => void;

/** One QueryClient for the app; `onError` sees every failed query and mutation (401 → sign in). */
export function createAppQueryClient(onError: AuthErrorHandler): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.meta) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => onError(error, mutation.meta),
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // Client errors will not get better by retrying; network and 5xx get one retry.
        retry: (count, error) =>
          count < 1 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });
}
