/**
 * Typed errors raised by domain code. HTTP status and problem+json shape are decided in one
 * place (`server/plugins/errors.ts`); domain code never thinks in status codes.
 */
export type AppErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'password_change_required'
  | 'not_in_package'
  | 'not_found'
  | 'conflict'
  /** A timed activity shares time with another of the same owner (allowed once confirmed). */
  | 'activity_overlap'
  | 'rule_violation'
  | 'rate_limited'
  | 'gone';

export type FieldProblem = { path: string; message: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly errors: FieldProblem[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly missing: string[] | undefined;
  /** Extra problem+json members (RFC 9457 extensions), e.g. `code: 'opted_out'`, `nextAllowedAt`. */
  readonly extensions: Record<string, unknown> | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    extra: {
      errors?: FieldProblem[];
      retryAfterSeconds?: number;
      missing?: string[];
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.errors = extra.errors;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.missing = extra.missing;
    this.extensions = extra.extensions;
  }
}

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found.`);

export const validationError = (errors: FieldProblem[], message = 'The request has invalid fields.') =>
  new AppError('validation', message, { errors });

/** Status for each code — exhaustive, so a new code cannot be forgotten here. */
export function httpStatusFor(code: AppErrorCode): number {
  switch (code) {
    case 'validation':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
    case 'password_change_required':
    case 'not_in_package':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
    case 'activity_overlap':
      return 409;
    case 'gone':
      return 410;
    case 'rule_violation':
      return 422;
    case 'rate_limited':
      return 429;
  }
}

/** Validate input in a use case (for callers that bypass the HTTP schemas, e.g. the CLI). */
export function parseInput<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
  message = 'The request has invalid fields.',
): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  return (() => {
    throw new AppError('validation', message, {
      errors: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  })();
}
