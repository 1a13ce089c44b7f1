import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi-document.ts';

/** What every operation of the OpenAPI document must state about itself (issue 12 §1). */

type Schema = Record<string, unknown> & { $ref?: string };
type Operation = {
  operationId?: string;
  security?: unknown[];
  parameters?: { in: string; name: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

const ROOT = path.resolve(import.meta.dirname, '../..');
let doc: Doc;
beforeAll(async () => {
  doc = (await openApiDocument()) as unknown as Doc;
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([m, op]) => ({ key: `${m} ${p}`, op })),
  );

/** Every problem with the limits of the strings and arrays a request can carry. */
function limitProblems(schema: unknown, where: string, seen = new Set<string>()): string[] {
  if (Array.isArray(schema)) return schema.flatMap((s, i) => limitProblems(s, `${where}[${i}]`, seen));
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Schema;
  if (s.$ref) {
    const name = s.$ref.split('/').pop()!;
    if (seen.has(name)) return [];
    return limitProblems(doc.components.schemas[name], `${where}<${name}>`, new Set([...seen, name]));
  }
  const out: string[] = [];
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('string') && s.maxLength === undefined && s.enum === undefined && s.const === undefined)
    out.push(`${where}: a string without maxLength`);
  if (types.includes('array') && (s.items === undefined || s.maxItems === undefined))
    out.push(`${where}: an array without items or maxItems`);
  for (const [k, v] of Object.entries(s)) {
    if (k === 'properties' && v && typeof v === 'object')
      for (const [name, sub] of Object.entries(v)) out.push(...limitProblems(sub, `${where}.${name}`, seen));
    else if (['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties', 'propertyNames', 'not'].includes(k))
      out.push(...limitProblems(v, `${where}${k === 'items' ? '[]' : `/${k}`}`, seen));
  }
  return out;
}

describe('the OpenAPI document states what each operation accepts', () => {
  it('every operation has a unique operationId', () => {
    const ids = operations().map(({ key, op }) => op.operationId ?? `(none: ${key})`);
    expect(ids.filter((id) => id.startsWith('(none'))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/v1/sales-records/{id}']!.get!.operationId).toBe('getSalesRecordsById');
  });

  it('the public operations, and only they, carry security: []', () => {
    const open = operations()
      .filter(({ op }) => Array.isArray(op.security) && op.security.length === 0)
      .map(({ key }) => key)
      .sort();
    expect(open).toEqual([
      'delete /api/public/v1/bookings/{token}',
      'get /api/public/v1/bookings/{token}',
      'get /api/public/v1/calendar/{token}.ics',
      'get /api/public/v1/forms/{token}',
      'get /api/public/v1/schedules/{slug}',
      'get /api/public/v1/schedules/{slug}/slots',
      'get /api/v1/setup',
      'post /api/public/v1/bookings/{token}/reschedule',
      'post /api/public/v1/form-verifications',
      'post /api/public/v1/forms/{token}/sign',
      'post /api/public/v1/schedules/{slug}/bookings',
      'post /api/v1/password-resets',
      'post /api/v1/password-resets/confirm',
      'post /api/v1/session',
      'post /api/v1/setup',
      'post /api/webhooks/twilio/sms',
      'post /api/webhooks/twilio/sms/status',
    ]);
    for (const { key, op } of operations()) if (!open.includes(key)) expect(op.security, key).toBeUndefined();
  });

  it('every string in a request has a maxLength, every array items and maxItems', () => {
    const problems = operations().flatMap(({ key, op }) => [
      ...(op.parameters ?? []).flatMap((p) => limitProblems(p.schema, `${key} ${p.in}:${p.name}`)),
      ...Object.entries(op.requestBody?.content ?? {}).flatMap(([type, c]) =>
        limitProblems(c.schema, `${key} body(${type})`),
      ),
    ]);
    expect(problems).toEqual([]);
  });
});

/**
 * OWASP API Security rules that must hold (Spectral, `.spectral.yaml`): no error-level finding on a
 * request's strings, arrays or integers. Exceptions, by design: the public booking-management and
 * calendar-feed URLs carry their token in the path (`no-credentials-in-url`) — they are links a
 * beneficiary follows from an email and a calendar app subscribes to. Response schemas, rate-limit
 * headers and the rest of the ruleset are warnings here (see docs/decisions/017).
 */
/** The rules about a request's contents; the first two also report on responses, so they show up. */
const ENFORCED = [
  'owasp:api4:2023-string-limit',
  'owasp:api4:2023-array-limit',
  'owasp:api4:2023-integer-format',
];
const CAPABILITY_URLS = new Set([
  '/api/public/v1/bookings/{token}',
  '/api/public/v1/bookings/{token}/reschedule',
  '/api/public/v1/calendar/{token}.ics',
  // Forms to sign (decision 065): the link sent to the beneficiary is the capability.
  '/api/public/v1/forms/{token}',
  '/api/public/v1/forms/{token}/sign',
]);

describe('the OWASP ruleset on the generated document', () => {
  it('finds no error about what a request may carry', { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openams-openapi-'));
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    let out: string;
    try {
      out = (
        await promisify(execFile)(
          path.join(ROOT, 'node_modules/.bin/spectral'),
          [
            'lint',
            file,
            '-r',
            path.join(ROOT, '.spectral.yaml'),
            '-f',
            'json',
            '-q',
            '--fail-severity',
            'hint',
          ],
          { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
        ).catch((e: { stdout?: string }) => {
          if (e.stdout === undefined) throw e;
          return { stdout: e.stdout };
        })
      ).stdout;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const findings = JSON.parse(out) as { code: string; severity: number; path: (string | number)[] }[];
    expect(findings.length).toBeGreaterThan(0); // the ruleset ran
    const inRequest = (f: { path: (string | number)[] }) =>
      f.path[0] === 'paths' && (f.path.includes('requestBody') || f.path.includes('parameters'));
    const errors = findings
      .filter((f) => f.severity === 0 && inRequest(f))
      .filter(
        (f) =>
          !(f.code === 'owasp:api2:2023-no-credentials-in-url' && CAPABILITY_URLS.has(String(f.path[1]))),
      )
      .map((f) => `${f.code} ${f.path.join('.')}`);
    expect(errors).toEqual([]);
    // The request rules are among those that ran (a ruleset that lost them would pass silently).
    const codes = new Set(findings.map((f) => f.code));
    for (const code of ENFORCED.slice(0, 2)) expect(codes.has(code), code).toBe(true);
  });
});
