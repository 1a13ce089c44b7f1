import type { components } from '../api/schema';

/** RFC 9457 problem details as the API sends them, plus Retry-After when there was one. */
export type Problem = components['schemas']['Problem'] & { retryAfterSeconds?: number };

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem, options?: ErrorOptions) {
    super(problem.detail, options);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  /** The problem type's last segment, e.g. `password-change-required`. */
  get code(): string {
    return this.problem.type.split('/').pop() ?? '';
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export const isUnauthenticated = (error: unknown): boolean => isApiError(error) && error.status === 401;

export const isPasswordChangeRequired = (error: unknown): boolean =>
  isApiError(error) && error.status === 403 && error.code === 'password-change-required';

/** A sentence for the user about any error. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    const p = error.problem;
    if (p.status === 429 && p.retryAfterSeconds) {
      const minutes = Math.ceil(p.retryAfterSeconds / 60);
      return `${p.detail} You can try again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.`;
    }
    return p.detail;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
