import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../test/support/app.ts';
import { createSchedule } from '../../test/support/scheduler-fixtures.ts';

/** What a fuzzer and an attacker hit (issue 12 §1), each as it was reported. */

let t: TestApp;
let a: TestAccount;
let leadsKey: string;
let fullKey: string;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  leadsKey = (await a.admin.post('/api/v1/api-keys', { name: 'Vendor', scope: 'leads' })).json().key;
  fullKey = (await a.admin.post('/api/v1/api-keys', { name: 'Integrator' })).json().key;
});
afterAll(() => t.close());

type Res = Awaited<ReturnType<TestApp['anonymous']['get']>>;
const problem = (res: Res, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(res.json().status).toBe(status);
};
const withKey = (key: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.anonymous.request({
    method,
    url,
    headers: { authorization: `Bearer ${key}` },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

describe('authentication is decided from the matched route', () => {
  it('a percent-encoded /api/v1 prefix or path still needs credentials', async () => {
    for (const url of [
      '/api/%76%31/imports/columns',
      '/api/v1/%69mports/columns',
      '/%61pi/v1/account',
      '/api/v1/imports/column%73',
    ]) {
      problem(await t.anonymous.get(url), 401);
    }
  });

  it('every route registered under /api/v1, spelled with an encoded letter, answers 401 unless public', async () => {
    // The routes as the router holds them: every one registered, documented or not.
    const routes: { method: string; url: string }[] = [];
    const stack: string[] = [];
    for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const m = /^([│ ]*)[├└]── (\S+) \(([A-Z, ]+)\)$/.exec(line);
      if (!m) continue;
      const level = m[1]!.length / 4;
      stack[level] = (level ? stack[level - 1]! : '') + m[2]!;
      for (const method of m[3]!.split(', ')) routes.push({ method, url: stack[level]! });
    }
    const v1 = routes.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD');
    expect(v1.length).toBeGreaterThan(100);
    const open = new Set([
      'POST /api/v1/session',
      'POST /api/v1/password-resets',
      'POST /api/v1/password-resets/confirm',
      'GET /api/v1/setup',
      'POST /api/v1/setup',
    ]);
    const failures: string[] = [];
    for (const r of v1) {
      const path = r.url.replace(/:(\w+)/g, '0190a2b3-0000-7000-8000-00000000000a').replace(/\*$/, 'x');
      const rest = path.slice('/api/v1/'.length);
      const encoded = [`/api/%76%31/${rest}`, `/api/v1/%${rest.charCodeAt(0).toString(16)}${rest.slice(1)}`];
      for (const url of encoded) {
        const res = await t.anonymous.request({ method: r.method as 'GET', url });
        const isOpen = open.has(`${r.method} ${r.url}`);
        if (isOpen ? res.statusCode === 401 : res.statusCode !== 401)
          failures.push(`${r.method} ${url}: ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('every authenticated answer carries Cache-Control: no-store', async () => {
    for (const res of [
      await a.admin.get('/api/v1/me'),
      await a.admin.get('/api/v1/account'),
      await t.anonymous.get('/api/v1/me'),
      await a.admin.get('/api/v1/nothing-here'),
    ]) {
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('text no column takes is refused at the schema, naming the field', () => {
  it('NUL and lone surrogates in bodies, queries and path parameters, public routes too', async () => {
    const cases: [Res, string][] = [
      [await t.anonymous.post('/api/v1/session', { login: 'a\u0000b', password: 'x' }), 'login'],
      [
        await t.anonymous.request({
          method: 'POST',
          url: '/api/v1/session',
          headers: { 'content-type': 'application/json' },
          payload: '{"login":"admin","password":"\\ud800"}',
        }),
        'password',
      ],
      [await t.anonymous.post('/api/v1/password-resets', { login: '\u0000' }), 'login'],
      [await t.anonymous.get('/api/public/v1/schedules/a%00b'), 'params.slug'],
      [await a.admin.get('/api/v1/sales-records?q=%00'), 'querystring.q'],
      [await a.admin.get('/api/v1/individuals?q=a%00'), 'querystring.q'],
      [
        await withKey(leadsKey, 'POST', '/api/v1/inbound/leads', { firstName: 'A\u0000', lastName: 'B' }),
        'firstName',
      ],
      [
        await withKey(leadsKey, 'POST', '/api/v1/inbound/leads', {
          firstName: 'A',
          lastName: 'B',
          note: ['x\udc00'],
        }),
        'note.0',
      ],
    ];
    for (const [res, path] of cases) {
      problem(res, 400);
      expect(res.json().errors).toEqual([
        { path, message: 'Must not contain NUL characters or unpaired UTF-16 surrogates.' },
      ]);
    }
    // Form posts, as lead vendors send them.
    const form = await t.anonymous.request({
      method: 'POST',
      url: '/api/v1/inbound/leads',
      headers: { authorization: `Bearer ${leadsKey}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'firstName=A%00&lastName=B',
    });
    problem(form, 400);
    expect(form.json().errors[0].path).toBe('firstName');
  });

  it('a surrogate pair (an emoji) is text like any other', async () => {
    const res = await a.admin.patch('/api/v1/me', { firstName: 'Ann 😀' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().firstName).toBe('Ann 😀');
  });
});

describe('the reported 500s are 400s (or work)', () => {
  it('an empty cursor', async () => {
    for (const url of [
      '/api/v1/sales-records?cursor=',
      '/api/v1/individuals?cursor=',
      '/api/v1/emails?cursor=',
    ]) {
      const res = await a.admin.get(url);
      problem(res, 400);
      expect(res.json().errors).toEqual([{ path: 'querystring.cursor', message: 'Not a valid cursor.' }]);
    }
  });

  it('PATCH a custom field with {} changes nothing and answers the field', async () => {
    const created = await a.admin.post('/api/v1/custom-fields', {
      entity: 'sales_record',
      key: 'favourite_colour',
      label: 'Favourite colour',
      type: 'text',
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await a.admin.patch(`/api/v1/custom-fields/${created.json().id}`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().label).toBe('Favourite colour');
  });

  it('an id in upper case is the same id', async () => {
    const s = await createSchedule(t, a);
    const res = await a.admin.patch(`/api/v1/appointment-schedules/${s.id.toUpperCase()}`, {
      name: 'Renamed',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().id).toBe(s.id);
    expect(res.json().name).toBe('Renamed');
  });

  it('a commission posted as null, or as multipart without a boundary', async () => {
    const url = '/api/v1/policies/0190a2b3-0000-7000-8000-00000000000a/commissions';
    const asNull = await a.admin.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: 'null',
    });
    problem(asNull, 400);
    const noBoundary = await a.admin.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'x',
    });
    expect([400, 415]).toContain(noBoundary.statusCode);
    problem(noBoundary, noBoundary.statusCode);
  });

  it('JSON nested 20,000 deep is refused before anything recurses into it', async () => {
    for (const payload of [
      `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
    ]) {
      const res = await t.anonymous.request({
        method: 'POST',
        url: '/api/v1/inbound/leads',
        headers: { authorization: `Bearer ${leadsKey}`, 'content-type': 'application/json' },
        payload,
      });
      problem(res, 400);
      expect(res.json().detail).toBe('The JSON body nests deeper than 32 levels.');
    }
    // 32 levels is still JSON like any other (refused by the lead's own rules, not the parser).
    const ok = await withKey(leadsKey, 'POST', '/api/v1/inbound/leads', {
      firstName: 'Deep',
      lastName: 'Enough',
      extra: JSON.parse(`${'['.repeat(31)}${']'.repeat(31)}`),
    });
    expect(ok.json().detail ?? '').not.toContain('nests deeper');
  });
});

describe('framework errors are problem+json', () => {
  it('a malformed percent-encoding is 400, a 10,000-character id 414, no route 404, a wrong method 405', async () => {
    problem(await a.admin.get('/api/v1/sales-records/%ZZ'), 400);
    problem(await a.admin.get(`/api/v1/sales-records/${'a'.repeat(10_000)}`), 414);
    problem(await a.admin.get('/api/v1/no-such-thing'), 404);
    const put = await a.admin.request({ method: 'PUT', url: '/api/v1/me', payload: {} });
    problem(put, 405);
    expect(put.headers.allow).toBe('GET, HEAD, PATCH');
    const del = await a.admin.request({
      method: 'DELETE',
      url: '/api/v1/sales-records/0190a2b3-0000-7000-8000-00000000000a/notes',
    });
    problem(del, 405);
    expect(del.headers.allow).toBe('GET, HEAD, POST');
  });
});

describe('a leads-scope key may only post leads', () => {
  it('reads nothing, and is refused before any other check', async () => {
    for (const url of [
      '/api/v1/account',
      '/api/v1/agents/assignable',
      '/api/v1/record-types',
      '/api/v1/custom-fields',
      '/api/v1/imports/columns',
      '/api/v1/imports',
      '/api/v1/users/assignable',
    ]) {
      const res = await withKey(leadsKey, 'GET', url);
      problem(res, 403);
      expect(res.json().missing).toEqual(['apiKey.scope: full']);
    }
    // Scope first: an unknown import is not a 404 or a 409 for this key.
    const start = await withKey(
      leadsKey,
      'POST',
      '/api/v1/imports/0190a2b3-0000-7000-8000-00000000000a/start',
      {},
    );
    problem(start, 403);
    const posted = await withKey(leadsKey, 'POST', '/api/v1/inbound/leads', {
      firstName: 'Lee',
      lastName: 'Vendor',
    });
    expect(posted.statusCode, posted.body).toBe(201);
  });
});

describe('an unknown id is a 404 before any other check', () => {
  it('resuming an import that does not exist, deleting a saved view with an API key', async () => {
    problem(await a.admin.post('/api/v1/imports/0190a2b3-0000-7000-8000-00000000000a/resume'), 404);
    problem(
      await withKey(fullKey, 'DELETE', '/api/v1/saved-views/0190a2b3-0000-7000-8000-00000000000a'),
      404,
    );
    // A view that exists belongs to its user: the key is refused, and the view stays.
    const view = await a.admin.post('/api/v1/saved-views', { name: 'Mine', query: {} });
    expect(view.statusCode, view.body).toBe(201);
    problem(await withKey(fullKey, 'DELETE', `/api/v1/saved-views/${view.json().id}`), 403);
    expect((await a.admin.get('/api/v1/saved-views')).json().items).toHaveLength(1);
  });
});

describe('search text is matched literally, file names are stored safe', () => {
  it('q=% and q=_ match no row that lacks them (users, agents)', async () => {
    const agent = await a.admin.post('/api/v1/agents', {
      firstName: 'Wild',
      lastName: 'Card',
      npn: '7654321',
    });
    expect(agent.statusCode, agent.body).toBe(201);
    for (const list of ['/api/v1/users', '/api/v1/agents']) {
      expect((await a.admin.get(`${list}?q=`)).json().items.length, list).toBeGreaterThan(0);
      for (const q of ['%25', '_', '%5C']) {
        const res = await a.admin.get(`${list}?q=${q}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().items, `${list}?q=${q}`).toEqual([]);
      }
    }
    expect((await a.admin.get('/api/v1/agents?q=wild')).json().items).toHaveLength(1);
  });

  it('bidi controls are stripped from an uploaded file’s name', async () => {
    const r = (await a.admin.post('/api/v1/sales-records', { firstName: 'Bi', lastName: 'Di' })).json();
    const boundary = 'XB';
    const payload =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent('invoice\u202efdp.txt')}\r\n` +
      `Content-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`;
    const res = await a.admin.request({
      method: 'POST',
      url: `/api/v1/sales-records/${r.id}/files`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe('invoicefdp.txt');
  });
});
