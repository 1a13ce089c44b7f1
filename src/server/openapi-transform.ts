import type { RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
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
