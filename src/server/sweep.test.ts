import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../test/support/app.ts';

/**
 * An OpenAPI-driven sweep: every operation of the generated document gets hostile input (NUL and
 * lone surrogates in each string, empty and huge strings, wrong types, upper-case ids, an empty
 * cursor, deep nesting), no credentials, an encoded `/api/v1` prefix and a leads-scope key. It
 * holds for every operation: no 5xx, no hang, every error problem+json, 401 without credentials,
 * a leads key refused everywhere but the lead post.
 */

type Schema = {
  type?: string | string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  minItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
};
type Parameter = { in: 'query' | 'path' | 'header'; name: string; required?: boolean; schema: Schema };
type Operation = {
  operationId?: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

const UNKNOWN_ID = '0190a2b3-0000-7000-8000-00000000000a';
const HANG_MS = 5_000;

let t: TestApp;
let a: TestAccount;
let doc: Doc;
let fullKey: string;
let leadsKey: string;

beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  fullKey = (await a.admin.post('/api/v1/api-keys', { name: 'Sweep full' })).json().key;
  leadsKey = (await a.admin.post('/api/v1/api-keys', { name: 'Sweep leads', scope: 'leads' })).json().key;
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(() => t.close());

function resolve(s: Schema): Schema {
  if (s.$ref) return resolve(doc.components!.schemas![s.$ref.split('/').pop()!]!);
  return s;
}
/** The non-null branch of a nullable schema. */
function core(s: Schema): Schema {
  s = resolve(s);
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return core(branches.find((b) => resolve(b).type !== 'null') ?? branches[0]!);
  if (s.allOf?.length === 1) return core(s.allOf[0]!);
  return s;
}
const typeOf = (s: Schema): string | undefined => {
  const ty = core(s).type;
  return Array.isArray(ty) ? ty.find((x) => x !== 'null') : ty;
};

/** A value the schema likely accepts (required properties only). */
function sample(s: Schema, depth = 0): unknown {
  s = core(s);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case 'string':
      if (s.format === 'uuid') return UNKNOWN_ID;
      if (s.format === 'date-time') return '2030-01-02T15:00:00.000Z';
      if (s.format === 'date') return '2030-01-02';
      if (s.format === 'email') return 'sweep@example.test';
      if (s.format === 'uri') return 'https://example.test/x';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 || !s.items
        ? []
        : Array.from({ length: s.minItems ?? 0 }, () => sample(s.items!, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = sample(s.properties?.[k] ?? {}, depth + 1);
      return out;
    }
    default:
      return 'x';
  }
}

type Req = {
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string;
  auth?: 'session' | 'none' | 'full' | 'leads';
};

async function send(req: Req): Promise<LightMyRequestResponse | 'hang'> {
  const headers: Record<string, string> = { ...req.headers };
  const auth = req.auth ?? 'session';
  if (auth === 'session') {
    headers.cookie = a.admin.cookie!;
    headers['x-csrf-token'] = a.admin.csrfToken!;
  } else if (auth === 'full') headers.authorization = `Bearer ${fullKey}`;
  else if (auth === 'leads') headers.authorization = `Bearer ${leadsKey}`;
  const res = t.app.inject({
    method: req.method as 'GET',
    url: req.url,
    headers,
    ...(req.payload !== undefined ? { payload: req.payload } : {}),
  });
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((r) => (timer = setTimeout(() => r('hang'), HANG_MS)));
  try {
    return await Promise.race([res, hang]);
  } finally {
    clearTimeout(timer);
  }
}

type Op = {
  method: string;
  path: string;
  op: Operation;
  isPublic: boolean;
  query: Parameter[];
  pathParams: Parameter[];
  body: Schema | null;
  bodyType: string | null;
};

function operations(): Op[] {
  const out: Op[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const content = op.requestBody?.content ?? {};
      const bodyType = 'application/json' in content ? 'application/json' : (Object.keys(content)[0] ?? null);
      out.push({
        method: method.toUpperCase(),
        path,
        op,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
        query: (op.parameters ?? []).filter((p) => p.in === 'query'),
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path'),
        body: bodyType ? content[bodyType]!.schema : null,
        bodyType,
      });
    }
  }
  return out;
}

/** Percent-encoding that also spells a lone surrogate (as the bytes a client would send). */
const enc = (v: string) =>
  v.replace(/[\s\S]/g, (ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch)));

/** The operation's URL with path parameters filled (ids unknown, upper case on request). */
function urlOf(o: Op, over: Record<string, string> = {}, query: Record<string, string> = {}): string {
  let url = o.path;
  for (const p of o.pathParams) {
    const v = over[p.name] ?? String(sample(p.schema));
    url = url.replace(`{${p.name}}`, enc(v));
  }
  for (const p of o.query.filter((q) => q.required && !(q.name in query)))
    query[p.name] = String(sample(p.schema));
  const qs = Object.entries(query)
    .map(([k, v]) => `${k}=${enc(v)}`)
    .join('&');
  return qs ? `${url}?${qs}` : url;
}

const jsonBody = (o: Op, body: unknown): Pick<Req, 'headers' | 'payload'> => ({
  headers: { 'content-type': 'application/json' },
  payload: JSON.stringify(body),
});

/** Hostile variants of one operation: every one must be refused or served, never a 5xx. */
function hostile(o: Op): (Req & { expect?: number; field?: string })[] {
  const out: (Req & { expect?: number; field?: string })[] = [];
  const baseBody = o.body && o.bodyType === 'application/json' ? sample(o.body) : undefined;
  const withBody = (body: unknown) => (baseBody === undefined ? {} : jsonBody(o, body));
  const bodyProps =
    o.body && o.bodyType === 'application/json' ? Object.entries(core(o.body).properties ?? {}) : [];
  const strings: [string, unknown][] = [
    ['\u0000', 400],
    ['a\ud800b', 400],
    ['', undefined],
    ['y'.repeat(20_000), undefined],
  ];
  for (const [value, status] of strings) {
    for (const p of o.pathParams) {
      out.push({
        method: o.method,
        url: urlOf(o, { [p.name]: value as string }),
        ...withBody(baseBody),
        ...(value === '\u0000' ? { expect: 400, field: `params.${p.name}` } : {}),
      });
    }
    for (const p of o.query) {
      out.push({
        method: o.method,
        url: urlOf(o, {}, { [p.name]: value as string }),
        ...withBody(baseBody),
        ...(value === '\u0000' ? { expect: 400, field: `querystring.${p.name}` } : {}),
      });
    }
    if (
      baseBody !== undefined &&
      typeof baseBody === 'object' &&
      baseBody !== null &&
      !Array.isArray(baseBody)
    ) {
      const props = bodyProps.length ? bodyProps.map(([k]) => k) : ['firstName'];
      for (const k of props) {
        out.push({
          method: o.method,
          url: urlOf(o),
          ...jsonBody(o, { ...baseBody, [k]: value }),
          ...(status ? { expect: status as number, field: k } : {}),
        });
      }
    }
  }
  // Wrong types, for every body property.
  for (const [k, s] of bodyProps) {
    const wrong = typeOf(s) === 'string' ? 12 : typeOf(s) === 'array' ? { a: 1 } : 'not-a-number';
    out.push({ method: o.method, url: urlOf(o), ...jsonBody(o, { ...(baseBody as object), [k]: wrong }) });
    out.push({ method: o.method, url: urlOf(o), ...jsonBody(o, { ...(baseBody as object), [k]: [[[{}]]] }) });
  }
  if (baseBody !== undefined) {
    for (const raw of ['null', '[]', '"x"', '0', '{}', `${'['.repeat(20_000)}${']'.repeat(20_000)}`]) {
      out.push({
        method: o.method,
        url: urlOf(o),
        headers: { 'content-type': 'application/json' },
        payload: raw,
      });
    }
    out.push({
      method: o.method,
      url: urlOf(o),
      headers: { 'content-type': 'multipart/form-data' },
      payload: '--x\r\n',
    });
  }
  // Deep nesting, whatever the body: refused before anything recurses into it.
  if (o.method !== 'GET' && o.method !== 'DELETE') {
    out.push({
      method: o.method,
      url: urlOf(o),
      headers: { 'content-type': 'application/json' },
      payload: `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
      expect: 400,
    });
  }
  // Upper-case ids: the same (unknown) row.
  if (o.pathParams.some((p) => core(p.schema).format === 'uuid')) {
    const upper = Object.fromEntries(
      o.pathParams
        .filter((p) => core(p.schema).format === 'uuid')
        .map((p) => [p.name, UNKNOWN_ID.toUpperCase()]),
    );
    out.push({ method: o.method, url: urlOf(o, upper), ...withBody(baseBody) });
  }
  if (o.query.some((p) => p.name === 'cursor')) {
    out.push({ method: o.method, url: urlOf(o, {}, { cursor: '' }), expect: 400 });
  }
  return out;
}

const problemOk = (res: LightMyRequestResponse) =>
  res.statusCode < 400 || String(res.headers['content-type']).startsWith('application/problem+json');

describe('the OpenAPI sweep', () => {
  it('covers the whole document', () => {
    expect(operations().length).toBeGreaterThan(120);
  });

  it('no operation answers without credentials, however the URL is spelled', async () => {
    const failures: string[] = [];
    for (const o of operations().filter((x) => !x.isPublic)) {
      const url = urlOf(o);
      const rest = url.slice('/api/v1/'.length);
      const spellings = [
        url,
        `/api/%76%31/${rest}`,
        `/api/v1/%${rest.charCodeAt(0).toString(16)}${rest.slice(1)}`,
        `/%61pi/v1/${rest}`,
      ];
      for (const u of spellings) {
        const res = await send({
          method: o.method,
          url: u,
          auth: 'none',
          ...(o.body ? jsonBody(o, sample(o.body)) : {}),
        });
        if (res === 'hang' || res.statusCode !== 401 || !problemOk(res))
          failures.push(`${o.method} ${u}: ${res === 'hang' ? 'hang' : res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a leads-scope key reaches only the lead post', async () => {
    const failures: string[] = [];
    for (const o of operations().filter((x) => !x.isPublic && x.path.startsWith('/api/v1/'))) {
      const isLeadPost = `${o.method} ${o.path}` === 'POST /api/v1/inbound/leads';
      const sampled = isLeadPost ? { firstName: 'Sweep', lastName: 'Lead' } : o.body && sample(o.body);
      const body = o.bodyType === 'application/json' ? jsonBody(o, sampled) : {};
      const res = await send({ method: o.method, url: urlOf(o), auth: 'leads', ...body });
      const expected = isLeadPost ? [201] : [403];
      if (res === 'hang' || !expected.includes(res.statusCode) || !problemOk(res))
        failures.push(`${o.method} ${o.path}: ${res === 'hang' ? 'hang' : `${res.statusCode} ${res.body}`}`);
    }
    expect(failures).toEqual([]);
  });

  it(
    'hostile input never gives a 5xx, a hang or an error that is not problem+json',
    { timeout: 180_000 },
    async () => {
      const failures: string[] = [];
      let sent = 0;
      const started = performance.now();
      const requests = operations()
        .filter((o) => `${o.method} ${o.path}` !== 'DELETE /api/v1/session') // signing out is its only input
        .flatMap((o) => hostile(o));
      const check = async (req: (typeof requests)[number]) => {
        sent++;
        const res = await send(req);
        const label = `${req.method} ${req.url.slice(0, 90)} ${String(req.payload ?? '').slice(0, 60)}`;
        if (res === 'hang') return failures.push(`${label}: hang`);
        if (res.statusCode >= 500 || !problemOk(res))
          return failures.push(`${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (res.statusCode === 429) return; // the public pages' rate limit came first: refused too
        if (req.expect && res.statusCode !== req.expect)
          return failures.push(`${label}: ${res.statusCode}, expected ${req.expect}`);
        if (req.expect === 400 && req.field && req.field !== 'firstName') {
          const paths = (res.json().errors ?? []).map((e: { path: string }) => e.path);
          if (!paths.includes(req.field))
            failures.push(`${label}: errors ${JSON.stringify(paths)}, expected ${req.field}`);
        }
      };
      // Eight at a time, as concurrent clients would (their session lookups batch, decision 014).
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < requests.length) await check(requests[next++]!);
        }),
      );
      expect(sent).toBeGreaterThan(1000);
      console.log(`sweep: ${sent} hostile requests in ${Math.round(performance.now() - started)} ms`);
      expect(failures).toEqual([]);
    },
  );

  it('an unknown id answers 404 before any other check, with a session and with an API key', async () => {
    const failures: string[] = [];
    for (const o of operations().filter((x) => x.pathParams.some((p) => core(p.schema).format === 'uuid'))) {
      for (const auth of ['session', 'full'] as const) {
        const body = o.body && o.bodyType === 'application/json' ? jsonBody(o, sample(o.body)) : {};
        const res = await send({ method: o.method, url: urlOf(o), auth, ...body });
        if (res === 'hang') failures.push(`${o.method} ${o.path} (${auth}): hang`);
        // A body the sample does not satisfy is refused first (400): the schema comes before the row.
        else if (
          res.statusCode !== 404 &&
          !(res.statusCode === 400 && res.json().type.endsWith('/validation'))
        )
          failures.push(`${o.method} ${o.path} (${auth}): ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
