import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { datesToIso } from '../http-schemas.ts';

type JsonSchema = { [k: string]: unknown };
const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * Shape a response schema for serialisation: patterns only validate (fast-json-stringify ignores
 * them, but `anyOf` branches would test them), and
 * `anyOf: [<primitive>, null]` becomes a type list, which serialises without trying branches.
 */
function forSerialisation(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forSerialisation);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node as JsonSchema)) {
    if (k === 'pattern' || k === '$schema') continue;
    // Undeclared properties are never written; in an `anyOf` branch `false` would reject a value
    // that carries extra fields, where Zod's union strips them (the same first-match semantics).
    if (k === 'additionalProperties' && v === false) continue;
    out[k] = forSerialisation(v);
  }
  const anyOf = out.anyOf as JsonSchema[] | undefined;
  if (anyOf?.length === 2) {
    const nullIndex = anyOf.findIndex((s) => s.type === 'null' && Object.keys(s).length === 1);
    const other = anyOf[1 - nullIndex];
    if (nullIndex !== -1 && other && typeof other.type === 'string' && PRIMITIVES.has(other.type)) {
      delete out.anyOf;
      return { ...out, ...other, type: [other.type, 'null'] };
    }
  }
  return out;
}

/**
 * Responses are serialised by fast-json-stringify from the JSON Schema of each route's Zod
 * response schema (what Fastify does with JSON Schema routes): only declared properties leave the
 * server, Dates become ISO strings, a missing required property is an error. Zod's own encode +
 * JSON.stringify cost ~10% of the CPU of a 50-row list page (docs/performance.md). A schema that
 * has no JSON Schema form (a transform, a custom type) keeps the Zod serialiser.
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = (route) => {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(route.schema, {
      io: 'output',
      target: 'draft-7',
      unrepresentable: 'throw',
      // An empty registry: every schema inline, no $defs from the ids meant for the API document.
      metadata: z.registry<{ id?: string }>(),
      cycles: 'throw',
    }) as JsonSchema;
  } catch {
    const zodSerialize = zodSerializerCompiler(route as never) as (data: unknown) => string;
    return (data: unknown) => zodSerialize(datesToIso(data));
  }
  return fastJson(forSerialisation(json) as never) as (data: unknown) => string;
};
