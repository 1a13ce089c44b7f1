import type { RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { API_PREFIX } from './plugins/auth.ts';

const camel = (s: string) => s.replace(/[-_.]+(\w)/g, (_, c: string) => c.toUpperCase());
const capital = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/**
 * The operation's id, from its method and path: `GET /api/v1/sales-records/{id}/notes` →
 * `getSalesRecordsByIdNotes`; public operations (`/api/public/v1`) start `public…`.
 */
export function operationIdOf(method: string, url: string): string {
  const isPublic = url.startsWith('/api/public/v1/');
  const rest = url.replace(/^\/api\/(public\/)?v1\//, '');
  const words = rest
    .split('/')
    .filter(Boolean)
    .map((seg) => {
      const param = /^:(\w+)(.*)$/.exec(seg) ?? /^\{(\w+)\}(.*)$/.exec(seg);
      return param ? `By${capital(camel(param[1]!))}${capital(camel(param[2]!))}` : capital(camel(seg));
    });
  return `${method.toLowerCase()}${isPublic ? 'Public' : ''}${words.join('')}`;
}

type TransformArgs = Parameters<typeof jsonSchemaTransform>[0] & { route: RouteOptions };

/**
 * zod → JSON Schema for the document, plus what every operation carries: an `operationId`, and
 * `security: []` on the public ones (those that need no credentials, decided as the auth hook does).
 */
export function openApiTransform(args: TransformArgs) {
  const out = jsonSchemaTransform(args);
  const { route } = args;
  const config = (route.config ?? {}) as { authenticated?: boolean };
  const method = Array.isArray(route.method) ? route.method[0]! : route.method;
  const schema = { ...(out.schema as Record<string, unknown>) };
  schema.operationId ??= operationIdOf(method, route.url);
  if (route.url.startsWith(API_PREFIX) ? config.authenticated !== true : true) schema.security ??= [];
  return { ...out, schema };
}

/** The longest text each string format accepts: what the format's check already enforces. */
const FORMAT_MAX_LENGTH: Record<string, number> = { uuid: 36, date: 10, 'date-time': 40, time: 20 };

type JsonSchema = Record<string, unknown>;

/** Every schema object under `node` (properties, items, anyOf…), depth first. */
function eachSchema(node: unknown, visit: (s: JsonSchema) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => eachSchema(n, visit));
  if (!node || typeof node !== 'object') return;
  visit(node as JsonSchema);
  for (const v of Object.values(node)) eachSchema(v, visit);
}

/**
 * The document as the zod transform writes it, plus the length a string's format implies
 * (`uuid` ≤ 36, `date` 10, `date-time` ≤ 40) written out as `maxLength`, so that every string in a
 * request states its limit; and `format: int64` on integers (zod's `.int()` is a safe integer).
 */
export function openApiTransformObject(args: Parameters<typeof jsonSchemaTransformObject>[0]) {
  const doc = jsonSchemaTransformObject(args) as JsonSchema;
  eachSchema(doc, (s) => {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (types.includes('string') && s.maxLength === undefined && typeof s.format === 'string') {
      const max = FORMAT_MAX_LENGTH[s.format];
      if (max) s.maxLength = max;
    }
    // zod's .int() is a safe integer (|n| < 2^53), which int64 holds.
    if (types.includes('integer') && s.format === undefined) s.format = 'int64';
  });
  return doc;
}
