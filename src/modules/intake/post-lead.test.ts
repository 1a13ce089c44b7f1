import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
let a: TestAccount;
let key: string;
let leadsKey: string;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  key = (await a.admin.post('/api/v1/api-keys', { name: 'Website', scope: 'full' })).json().key;
  leadsKey = (await a.admin.post('/api/v1/api-keys', { name: 'Vendor', scope: 'leads' })).json().key;
});
afterAll(() => t.close());

const form = (
  fields: Record<string, string | string[]>,
  k = leadsKey,
  headers: Record<string, string> = {},
) => {
  const body = new URLSearchParams();
  for (const [name, v] of Object.entries(fields))
    for (const x of Array.isArray(v) ? v : [v]) body.append(name, x);
  return t.anonymous.request({
    method: 'POST',
    url: '/api/v1/inbound/leads',
    headers: {
      authorization: `Bearer ${k}`,
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    payload: body.toString(),
  });
};
const json = (fields: Record<string, unknown>, k = leadsKey, headers: Record<string, string> = {}) =>
  t.anonymous.request({
    method: 'POST',
    url: '/api/v1/inbound/leads',
    headers: { authorization: `Bearer ${k}`, ...headers },
    payload: fields,
  });

describe('HTTP POST lead intake', () => {
  it('creates a Sales Record from a form post, with notes, on the account’s default type', async () => {
    const res = await form({
      firstName: 'Wanda',
      lastName: 'Webform',
      phone: '(555) 301-0001',
      email: 'wanda@example.com',
      note: ['Asked about Part D', 'Call after 5'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'created', recordKind: 'sales_record', matchedOn: null });
    const r = (await a.admin.get(`/api/v1/sales-records/${res.json().id}`)).json();
    expect(r).toMatchObject({ firstName: 'Wanda', phone: '+15553010001', email: 'wanda@example.com' });
    expect(
      (await a.admin.get(`/api/v1/sales-records/${r.id}/notes`))
        .json()
        .items.map((n: { body: string }) => n.body)
        .sort(),
    ).toEqual(['Asked about Part D', 'Call after 5']);
  });

  it('takes JSON too, and matches a repeated lead by email, phone (any format) or name + date of birth', async () => {
    const first = await json({
      firstName: 'Jules',
      lastName: 'Jason',
      dateOfBirth: '04/02/1955',
      cellPhone: '555-301-0002',
    });
    expect(first.statusCode).toBe(201);
    for (const [fields, on] of [
      [{ firstName: 'J', lastName: 'J', phone: '+1 555 301 0002' }, 'phone'],
      [{ firstName: 'jules', lastName: 'JASON', dateOfBirth: '1955-04-02' }, 'name+dateOfBirth'],
    ] as const) {
      const dup = await json(fields);
      expect(dup.statusCode).toBe(200);
      expect(dup.json()).toMatchObject({ outcome: 'duplicate', id: first.json().id, matchedOn: on });
    }
    const byEmail1 = await json({ firstName: 'E', lastName: 'M', email: 'Em@Example.com' });
    expect((await json({ firstName: 'E2', lastName: 'M2', email: 'em@example.com' })).json()).toMatchObject({
      outcome: 'duplicate',
      id: byEmail1.json().id,
      matchedOn: 'email',
    });
  });

  it('lists every problem, saves nothing, and logs the attempt', async () => {
    const before = (await a.admin.get('/api/v1/sales-records?limit=200')).json().items.length;
    const res = await form({ lastName: '', email: 'nope', zip: '12', shoeSize: '9' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['email', 'firstName', 'lastName', 'shoeSize', 'zip']);
    expect((await a.admin.get('/api/v1/sales-records?limit=200')).json().items.length).toBe(before);
    const log = (await a.admin.get('/api/v1/inbound/leads/log')).json().items;
    expect(log[0]).toMatchObject({
      outcome: 'invalid',
      httpStatus: 400,
      contentType: 'application/x-www-form-urlencoded',
      fields: { shoeSize: '9' },
    });
    expect(log.some((l: { outcome: string }) => l.outcome === 'created')).toBe(true);
  });

  it('a retried post with the same Idempotency-Key creates one record and replays the answer, even concurrently', async () => {
    const fields = { firstName: 'Ida', lastName: 'Idem', phone: '555-301-0009' };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => form(fields, leadsKey, { 'idempotency-key': 'vendor-lead-123' })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    const reused = await form({ ...fields, firstName: 'Other' }, leadsKey, {
      'idempotency-key': 'vendor-lead-123',
    });
    expect(reused.statusCode).toBe(422);
    const all = (await a.admin.get('/api/v1/sales-records?q=idem')).json().items;
    expect(all).toHaveLength(1);
  });

  it('an invalid or revoked key is refused; a leads-only key can do nothing else', async () => {
    expect((await form({ firstName: 'A', lastName: 'B' }, 'oams_garbage')).statusCode).toBe(401);
    const k = (await a.admin.post('/api/v1/api-keys', { name: 'Old vendor', scope: 'leads' })).json();
    await a.admin.delete(`/api/v1/api-keys/${k.id}`);
    expect((await form({ firstName: 'A', lastName: 'B' }, k.key)).statusCode).toBe(401);
    expect(
      (
        await t.anonymous.request({
          method: 'GET',
          url: '/api/v1/sales-records',
          headers: { authorization: `Bearer ${leadsKey}` },
        })
      ).statusCode,
    ).toBe(403);
    // A signed-in user cannot post here: it is for keys.
    expect((await a.admin.post('/api/v1/inbound/leads', { firstName: 'A', lastName: 'B' })).statusCode).toBe(
      403,
    );
    // Form bodies are accepted on this route only.
    const elsewhere = await t.anonymous.request({
      method: 'PATCH',
      url: '/api/v1/account',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=x',
    });
    expect(elsewhere.statusCode).toBe(415);
  });

  it('follows the account’s settings: Individuals instead, and update on duplicates', async () => {
    const b = await t.newAccount();
    const bKey = (await b.admin.post('/api/v1/api-keys', { name: 'W', scope: 'leads' })).json().key;
    await b.admin.patch('/api/v1/account', {
      leadIntake: { target: 'individual', duplicates: 'update', recordTypeId: null },
    });
    const created = await json({ firstName: 'Indy', lastName: 'Vidual', email: 'indy@example.com' }, bKey);
    expect(created.json()).toMatchObject({ outcome: 'created', recordKind: 'individual' });
    const again = await json(
      { firstName: 'Indy', lastName: 'Vidual', email: 'indy@example.com', city: 'Tampa' },
      bKey,
    );
    expect(again.json()).toMatchObject({ outcome: 'updated', id: created.json().id });
    expect((await b.admin.get(`/api/v1/individuals/${created.json().id}`)).json().city).toBe('Tampa');
    // Another account's key never sees or matches these.
    const other = await json({ firstName: 'Indy', lastName: 'Vidual', email: 'indy@example.com' });
    expect(other.json().outcome).toBe('created');
    expect(other.json().id).not.toBe(created.json().id);
  });

  it('an Enhanced Records account posting Sales Records gets “not in your package”', async () => {
    const e = await t.newAccount({ package: 'enhanced_records' });
    const eKey = (await e.admin.post('/api/v1/api-keys', { name: 'W', scope: 'leads' })).json().key;
    const res = await json({ firstName: 'A', lastName: 'B' }, eKey);
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toContain('not-in-package');
  });
});
