import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Deepest JSON body accepted (objects and arrays); real ones here are at most a few levels. */
export const MAX_JSON_DEPTH = 32;

/** A NUL, or a UTF-16 surrogate without its pair: text no column, file name or log line takes. */
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isUnsafeText = (s: string): boolean => UNSAFE_TEXT.test(s);

/** The path of the first string (key or value) holding unsafe text, or null. */
function findUnsafeText(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isUnsafeText(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (isUnsafeText(k)) return [...path, k];
      const found = findUnsafeText(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

const UNSAFE_TEXT_MESSAGE = 'Must not contain NUL characters or unpaired UTF-16 surrogates.';

/**
 * The zod validator compiler, refusing first, for every route and every part it validates (body,
 * query string, params, headers), any string that holds NUL or a lone surrogate: a 400 naming the
 * field, the same shape as every other validation problem.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = zodValidatorCompiler(route);
  return (data: unknown) => {
    const path = findUnsafeText(data);
    if (!path) return validate(data);
    const refuse = z.unknown().superRefine((_, ctx) => {
      ctx.addIssue({ code: 'custom', message: UNSAFE_TEXT_MESSAGE, path });
    });
    return zodValidatorCompiler({ ...route, schema: refuse })(data);
  };
};

/** How deep `text` (JSON) nests, counted without parsing, stopping once past `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}

/**
 * JSON bodies through Fastify's own parser (prototype poisoning refused), after a depth check: a
 * body nested deeper than MAX_JSON_DEPTH is a 400 before anything recurses into it.
 */
export function registerJsonParser(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepthExceeds(body as string, MAX_JSON_DEPTH)) {
      const error = Object.assign(new Error(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`), {
        statusCode: 400,
        code: 'OPENAMS_JSON_TOO_DEEP',
      });
      return done(error, undefined);
    }
    return parse(request, body as string, done);
  });
}
