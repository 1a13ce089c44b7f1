import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler } from './serializer.ts';

const compile = (schema: z.ZodType) =>
  serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' }) as (d: unknown) => string;

describe('response serializer', () => {
  const Item = z
    .object({
      id: z.uuid(),
      at: z.iso.datetime(),
      convertedAt: z.iso.datetime().nullable(),
      note: z.string().nullable(),
      kind: z.enum(['a', 'b']).nullable(),
      count: z.number().int(),
      data: z.record(z.string(), z.unknown()),
      optional: z.string().optional(),
    })
    .meta({ id: 'SerializerTestItem' });
  const Page = z.object({ items: z.array(Item), nextCursor: z.string().nullable() });

  it('writes Dates as ISO strings at any depth, nulls as null, and only declared properties', () => {
    const out = compile(Page)({
      items: [
        {
          id: '0190a6f0-0000-7000-8000-000000000000',
          at: new Date(Date.UTC(2026, 10, 23, 5, 0, 0)),
          convertedAt: null,
          note: null,
          kind: 'a',
          count: 3,
          data: { when: new Date(0), nested: { n: 1 } },
          secret: 'never leaves',
        },
      ],
      nextCursor: null,
    });
    expect(JSON.parse(out)).toEqual({
      items: [
        {
          id: '0190a6f0-0000-7000-8000-000000000000',
          at: '2026-11-23T05:00:00.000Z',
          convertedAt: null,
          note: null,
          kind: 'a',
          count: 3,
          data: { when: '1970-01-01T00:00:00.000Z', nested: { n: 1 } },
        },
      ],
      nextCursor: null,
    });
  });

  it('picks the first union branch a value satisfies, ignoring extra fields like a Zod union', () => {
    const Result = z.array(
      z.union([
        z.object({ id: z.string(), individualId: z.string() }),
        z.object({ id: z.string(), error: z.string(), status: z.number().int() }),
      ]),
    );
    const out = compile(Result)([
      { id: '1', individualId: 'i', extra: true },
      { id: '2', error: 'nope', status: 422 },
    ]);
    expect(JSON.parse(out)).toEqual([
      { id: '1', individualId: 'i' },
      { id: '2', error: 'nope', status: 422 },
    ]);
  });

  it('refuses a payload missing a required property', () => {
    expect(() => compile(Page)({ nextCursor: null })).toThrow(/items/);
  });

  it('keeps the Zod serializer for a schema without a JSON Schema form, Dates still as ISO', () => {
    const Custom = z.object({
      at: z.iso.datetime(),
      big: z.custom<bigint>((v) => typeof v === 'bigint').transform((v) => v.toString()),
    });
    const serialize = compile(Custom);
    expect(() => serialize({ at: new Date(0), big: 1n })).toThrow(); // Zod validates this one
    expect(
      JSON.parse(
        compile(z.object({ at: z.iso.datetime(), n: z.custom<number>() }))({ at: new Date(0), n: 1 }),
      ),
    ).toEqual({ at: '1970-01-01T00:00:00.000Z', n: 1 });
  });
});
