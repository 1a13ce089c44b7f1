import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp, until } from '../../test/support/app.ts';

let t: TestApp;
let a: TestAccount;
let b: TestAccount;
let bKeyId: string;
let bEmailId: string;
beforeAll(async () => {
  t = await createTestApp({ workers: true });
  a = await t.newAccount();
  b = await t.newAccount();
  bKeyId = (await b.admin.post('/api/v1/api-keys', { name: 'B key' })).json().id;
  await t.anonymous.post('/api/v1/password-resets', { login: b.username });
  await until(async () => (await b.admin.get('/api/v1/emails')).json().items.length === 1);
  bEmailId = (await b.admin.get('/api/v1/emails')).json().items[0].id;
});
afterAll(() => t.close());

describe('tenancy: account A never sees or touches account B', () => {
  it('answers 404 for B’s records, exactly as for records that do not exist', async () => {
    for (const url of [`/api/v1/emails/${bEmailId}`, `/api/v1/emails/01a20000-0000-7000-8000-000000000000`]) {
      const res = await a.admin.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toBe('Email not found.');
    }
    const revoke = await a.admin.delete(`/api/v1/api-keys/${bKeyId}`);
    expect(revoke.statusCode).toBe(404);
    expect((await b.admin.get('/api/v1/api-keys')).json().items[0].revokedAt).toBeNull();
  });

  it('lists only A’s own rows', async () => {
    expect((await a.admin.get('/api/v1/emails')).json().items).toHaveLength(0);
    expect((await a.admin.get('/api/v1/api-keys')).json().items).toHaveLength(0);
    expect((await a.admin.get('/api/v1/account')).json().id).toBe(a.accountId);
  });

  it('an API key of A acts only in A', async () => {
    const key = (await a.admin.post('/api/v1/api-keys', { name: 'A key' })).json().key;
    const res = await t.anonymous.request({
      method: 'DELETE',
      url: `/api/v1/api-keys/${bKeyId}`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.statusCode).toBe(404);
    const account = await t.anonymous.request({
      method: 'GET',
      url: '/api/v1/account',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(account.json().id).toBe(a.accountId);
  });
});
