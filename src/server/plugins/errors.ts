import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldProblem, httpStatusFor } from '../../lib/errors.ts';

/** RFC 9457 problem details, the body of every error answer. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
  missing?: string[];
  requestId?: string;
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  408: 'Request Timeout',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const typeUri = (slug: string) => `https://openams.dev/problems/${slug}`;

export function sendProblem(
  reply: FastifyReply,
  p: Omit<Problem, 'title' | 'type'> & { type?: string; title?: string },
) {
  const body: Problem = {
    type: p.type ?? 'about:blank',
    title: p.title ?? TITLES[p.status] ?? 'Error',
    ...p,
    requestId: String(reply.request.id),
  };
  return reply
    .code(p.status)
    .header('cache-control', 'no-store')
    .type('application/problem+json; charset=utf-8')
    .send(body);
}

/**
 * Errors the router raises before any route runs (Fastify's `frameworkErrors`): a URL that does not
 * decode (`%ZZ`) is a 400, a path parameter past the router's length limit a 414, as problem+json.
 */
export function frameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(reply, {
      status: 414,
      type: typeUri('uri-too-long'),
      detail: 'A path parameter is longer than this server accepts.',
    });
  }
  return sendProblem(reply, {
    status: 400,
    type: typeUri('bad-request'),
    detail:
      error.code === 'FST_ERR_BAD_URL'
        ? 'The URL is not valid: a percent-encoded sequence does not decode.'
        : 'The request could not be routed.',
  });
}

/** One error problem from a zod issue path: `""` becomes the context itself. */
function problemsFromValidation(error: FastifyError & { validationContext?: string }): FieldProblem[] {
  const ctx = error.validationContext ?? 'body';
  const prefix = ctx === 'body' ? '' : `${ctx}.`;
  const out: FieldProblem[] = [];
  if (!hasZodFastifySchemaValidationErrors(error)) return [{ path: ctx, message: error.message }];
  for (const v of error.validation) {
    const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const keys = (v.params as { keys?: string[] }).keys;
    if (v.keyword === 'unrecognized_keys' && keys) {
      for (const k of keys)
        out.push({ path: prefix + (path ? `${path}.${k}` : k), message: 'Unknown field.' });
    } else {
      out.push({ path: prefix + path || ctx, message: v.message ?? 'Invalid value.' });
    }
  }
  return out;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      const status = httpStatusFor(error.code);
      if (error.retryAfterSeconds) reply.header('Retry-After', String(error.retryAfterSeconds));
      return sendProblem(reply, {
        ...error.extensions,
        status,
        type: typeUri(error.code.replace(/_/g, '-')),
        detail: error.message,
        ...(error.errors ? { errors: error.errors } : {}),
        ...(error.missing ? { missing: error.missing } : {}),
      });
    }
    if (error.validation) {
      const errors = problemsFromValidation(error);
      return sendProblem(reply, {
        status: 400,
        type: typeUri('validation'),
        detail: `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`,
        errors,
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return sendProblem(reply, {
        status,
        type: typeUri('rate-limited'),
        detail: 'Too many requests. Slow down and retry later.',
      });
    }
    if (status >= 400 && status < 500) {
      const detail =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'The request body is larger than this server accepts.'
          : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? `Content type ${String(request.headers['content-type'] ?? '(none)')} is not accepted here; send application/json.`
            : error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
              ? 'The JSON body is empty.'
              : error.code === 'OPENAMS_JSON_TOO_DEEP'
                ? error.message
                : error.message.includes('JSON')
                  ? `The body is not valid JSON: ${error.message}`
                  : error.message;
      return sendProblem(reply, {
        status,
        type: typeUri(status === 413 ? 'too-large' : 'bad-request'),
        detail,
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, {
      status: 500,
      type: typeUri('internal'),
      detail: 'Something went wrong on our side. The error was logged with this request id.',
    });
  });
}

export const routeNotFound = (request: FastifyRequest, reply: FastifyReply) =>
  sendProblem(reply, {
    status: 404,
    type: typeUri('not-found'),
    detail: `No route ${request.method} ${request.url.split('?')[0]}.`,
  });

/** A path that exists, asked with a method it does not answer: 405 with the methods it does. */
export const methodNotAllowed = (request: FastifyRequest, reply: FastifyReply, allowed: string[]) => {
  reply.header('allow', allowed.join(', '));
  return sendProblem(reply, {
    status: 405,
    type: typeUri('method-not-allowed'),
    detail: `${request.method} is not allowed here; this path answers ${allowed.join(', ')}.`,
  });
};
