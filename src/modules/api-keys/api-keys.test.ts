import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { apiKeys } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('API keys', () => {
  it('shows a new key once, stores only its hash, and authenticates without CSRF', async () => {
    const a = await t.newAccount();
    const created = await a.admin.post('/api/v1/api-keys', { name: 'Website form' });
    expect(created.statusCode).toBe(201);
    const { key, id, scope } = created.json();
    expect(key).toMatch(/^oams_[A-Za-z0-9_-]{50,}$/);
    expect(scope).toBe('full');
    const [row] = await t.deps.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(JSON.stringify(row)).not.toContain(key.slice(5));
    const list = (await a.admin.get('/api/v1/api-keys')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].key).toBeUndefined();
    expect(list.items[0].lastUsedAt).toBeNull();

    const res = await t.anonymous.request({
      method: 'PATCH',
      url: '/api/v1/account',
      headers: bearer(key),
      payload: { name: 'Renamed by key' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('Renamed by key');
    const after = (await a.admin.get('/api/v1/api-keys')).json();
    expect(after.items[0].lastUsedAt).not.toBeNull();
  });

  it('lists keys with a display hint that tells them apart and never holds the secret', async () => {
    const a = await t.newAccount();
    const k1 = (await a.admin.post('/api/v1/api-keys', { name: 'One' })).json();
    const k2 = (await a.admin.post('/api/v1/api-keys', { name: 'Two' })).json();
    expect(k1.displayPrefix).not.toBe(k2.displayPrefix);
    expect(k1.displayPrefix).toBe(`oams_…${k1.key.slice(-6)}`);
  });

  it('a revoked, malformed or unknown key is 401', async () => {
    const a = await t.newAccount();
    const { key, id } = (await a.admin.post('/api/v1/api-keys', { name: 'Vendor' })).json();
    expect(
      (await t.anonymous.request({ method: 'GET', url: '/api/v1/account', headers: bearer(key) })).statusCode,
    ).toBe(200);
    const revoked = await a.admin.delete(`/api/v1/api-keys/${id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    for (const k of [key, 'oams_nope', 'not-even-close', key.slice(0, -2) + 'xx']) {
      const res = await t.anonymous.request({ method: 'GET', url: '/api/v1/account', headers: bearer(k) });
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toMatch(/API key/);
    }
  });

  it('keys of several accounts used at once, one revoked, each answer for their own account', async () => {
    const [a, b] = await Promise.all([t.newAccount({ name: 'Keys A' }), t.newAccount({ name: 'Keys B' })]);
    const ka = (await a.admin.post('/api/v1/api-keys', { name: 'A' })).json();
    const kb = (await b.admin.post('/api/v1/api-keys', { name: 'B' })).json();
    const gone = (await a.admin.post('/api/v1/api-keys', { name: 'Gone' })).json();
    expect((await a.admin.delete(`/api/v1/api-keys/${gone.id}`)).statusCode).toBe(200);
    // Sent together, these are read by one batched key query (src/lib/batcher.ts).
    const answers = await Promise.all(
      [ka.key, kb.key, gone.key, ka.key, kb.key].map((k) =>
        t.anonymous.request({ method: 'GET', url: '/api/v1/account', headers: bearer(k) }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 401, 200, 200]);
    expect(answers.map((r) => (r.statusCode === 200 ? r.json().name : null))).toEqual([
      'Keys A',
      'Keys B',
      null,
      'Keys A',
      'Keys B',
    ]);
  });

  it('a leads-scoped key cannot reach account administration', async () => {
    const a = await t.newAccount();
    const { key } = (await a.admin.post('/api/v1/api-keys', { name: 'Lead vendor', scope: 'leads' })).json();
    const res = await t.anonymous.request({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(key) });
    expect(res.statusCode).toBe(403);
    expect(res.json().missing).toEqual(['apiKey.scope: full']);
  });

  it('rejects bad input listing every problem', async () => {
    const a = await t.newAccount();
    const res = await a.admin.post('/api/v1/api-keys', { name: '', scope: 'everything', extra: 1 });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['extra', 'name', 'scope']);
    expect((await a.admin.get('/api/v1/api-keys')).json().items).toHaveLength(0);
  });
});
