import { z } from 'zod';

/** Schemas shared by every route module: problem+json, list pages, ids, times. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    missing: z.array(z.string()).optional(),
    /** A machine-readable reason where a route gives one (e.g. `opted_out`). */
    code: z.string().optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

type Code = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429;
/** The error answers a route can give, for its schema and the OpenAPI document. */
export function problems<C extends Code>(...codes: C[]): Record<C, typeof ProblemSchema> {
  return Object.fromEntries(codes.map((c) => [c, ProblemSchema])) as Record<C, typeof ProblemSchema>;
}
export const AUTHED = [400, 401, 403] as const;

export const Timestamp = z.iso.datetime().describe('ISO 8601 time in UTC');
/** A row id in a request; upper-case spellings are the same id (ids are compared as strings). */
export const Id = z.uuid({ message: 'Must be a valid id.' }).toLowerCase();
export const IdParams = z.strictObject({ id: Id });

/** A list page's cursor as the previous page returned it (never empty). */
export const CursorParam = z.string().min(1, 'Not a valid cursor.').max(500);

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: CursorParam.optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Dates to ISO strings, deeply: what the response serialisers do to a payload's Dates. */
export function datesToIso(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(datesToIso);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = datesToIso(v);
    return out;
  }
  return value;
}

export type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/**
 * Use-case results to response bodies, typed to match the schemas (Dates as strings). Only a type:
 * the response serialiser (plugins/serializer.ts) writes every Date as an ISO string, so the payload
 * is not copied on its way out.
 */
export const toJson = <T>(value: T): Jsonified<T> => value as Jsonified<T>;
