import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../api/schema';
import { ApiError, type Problem } from './problem';

/**
 * The session's CSRF token, kept in memory only. It is set from POST /session, POST /setup and
 * GET /me, and sent as X-CSRF-Token on every unsafe request made with the session cookie.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !SAFE_METHODS.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrfMiddleware);

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * Turn an openapi-fetch result into its data, or throw an {@link ApiError} carrying the problem
 * details (RFC 9457) the server answered with.
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError(
      {
        type: 'about:blank',
        title: 'Network error',
        status: 0,
        detail: 'The server could not be reached. Check your connection and try again.',
      },
      { cause },
    );
  }
  const { response } = result;
  if (response.ok) return result.data as T;
  throw new ApiError(toProblem(result.error, response));
}

function toProblem(body: unknown, response: Response): Problem {
  const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
  if (body && typeof body === 'object' && 'status' in body && 'detail' in body) {
    return { ...(body as Problem), ...(retryAfter ? { retryAfterSeconds: retryAfter } : {}) };
  }
  return {
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    detail: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    ...(retryAfter ? { retryAfterSeconds: retryAfter } : {}),
  };
}
