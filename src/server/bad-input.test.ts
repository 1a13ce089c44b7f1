import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createTestApp, type TestAccount, type TestApp } from '../../test/support/app.ts';

let t: TestApp;
let a: TestAccount;
beforeAll(async () => {
  t = await createTestApp({ bodyLimit: 64 * 1024 });
  a = await t.newAccount();
});
afterAll(() => t.close());

const isProblem = (
  res: { headers: Record<string, unknown>; json(): { status: number; detail: string } },
  status: number,
) => {
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().status).toBe(status);
  expect(res.json().detail.length).toBeGreaterThan(5);
};

describe('bad input gets a clear problem+json and changes nothing', () => {
  it('malformed JSON', async () => {
    const res = await a.admin.request({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { 'content-type': 'application/json' },
      payload: '{"firstName": "A",',
    });
    expect(res.statusCode).toBe(400);
    isProblem(res, 400);
    expect(res.json().detail).toMatch(/not valid JSON/);
  });

  it('wrong types and unknown fields, all listed', async () => {
    const res = await a.admin.patch('/api/v1/me', {
      firstName: 42,
      timeZone: ['x'],
      nickname: 'Al',
      role: 'god',
    });
    expect(res.statusCode).toBe(400);
    isProblem(res, 400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['firstName', 'nickname', 'role', 'timeZone']);
    expect((await a.admin.get('/api/v1/me')).json().firstName).toBe('Account');
  });

  it('oversized bodies are 413', async () => {
    const res = await a.admin.patch('/api/v1/me', { firstName: 'x'.repeat(70 * 1024) });
    expect(res.statusCode).toBe(413);
    isProblem(res, 413);
  });

  it('a content type other than JSON is 415', async () => {
    const res = await a.admin.request({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { 'content-type': 'text/plain' },
      payload: 'firstName=x',
    });
    expect(res.statusCode).toBe(415);
    isProblem(res, 415);
  });

  it('bad query and path parameters', async () => {
    const q = await a.admin.get('/api/v1/emails?limit=0&cursor=%%%');
    expect(q.statusCode).toBe(400);
    expect(q.json().errors.map((e: { path: string }) => e.path)).toContain('querystring.limit');
    const c = await a.admin.get('/api/v1/emails?cursor=bm90LWpzb24');
    expect(c.statusCode).toBe(400);
    expect(c.json().errors).toEqual([{ path: 'query.cursor', message: 'Not a valid cursor.' }]);
    const p = await a.admin.get('/api/v1/emails/not-a-uuid');
    expect(p.statusCode).toBe(400);
    expect(p.json().errors).toEqual([{ path: 'params.id', message: 'Must be a valid id.' }]);
  });

  it('a 5xx never shows internals', async () => {
    const app = await buildApp(t.deps, { logger: false, serveWeb: false });
    app.get('/api/v1/boom', { config: { auth: false } }, async () => {
      throw new Error('secret internal detail: password=hunter2');
    });
    const res = await app.inject({ method: 'GET', url: '/api/v1/boom' });
    expect(res.statusCode).toBe(500);
    isProblem(res, 500);
    expect(res.body).not.toContain('hunter2');
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
    await app.close();
  });
});
