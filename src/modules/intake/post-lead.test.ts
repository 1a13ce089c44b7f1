import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../../test/support/app.ts';
import { newId } from '../../lib/ids.ts';
import { auditEvents } from '../audit/schema.ts';
import { recordStatuses, recordTypes } from '../record-types/schema.ts';
import { salesRecords } from '../sales-records/schema.ts';
import { leadPosts } from './schema.ts';

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
      phone: '(312) 301-0001',
      email: 'wanda@example.com',
      note: ['Asked about Part D', 'Call after 5'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'created', recordKind: 'sales_record', matchedOn: null });
    const r = (await a.admin.get(`/api/v1/sales-records/${res.json().id}`)).json();
    expect(r).toMatchObject({ firstName: 'Wanda', phone: '+13123010001', email: 'wanda@example.com' });
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
      cellPhone: '312-301-0002',
    });
    expect(first.statusCode).toBe(201);
    for (const [fields, on] of [
      [{ firstName: 'J', lastName: 'J', phone: '+1 312 301 0002' }, 'phone'],
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
    const fields = { firstName: 'Ida', lastName: 'Idem', phone: '312-301-0009' };
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

  it('writes the record with its type’s first status, its audit event and the log line together', async () => {
    const res = await form({ firstName: 'Audra', lastName: 'Audit', email: 'audra@example.com', note: 'Hi' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const record = (await a.admin.get(`/api/v1/sales-records/${id}`)).json();
    const [first] = await t.deps.db
      .select({ id: recordStatuses.id })
      .from(recordStatuses)
      .where(
        and(eq(recordStatuses.accountId, a.accountId), eq(recordStatuses.recordTypeId, record.recordTypeId)),
      )
      .orderBy(recordStatuses.sortOrder)
      .limit(1);
    expect(record.statusId).toBe(first!.id);
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, a.accountId), eq(auditEvents.subjectId, id)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'sales_record.created',
      subjectType: 'sales_record',
      actorUserId: null,
      actorApiKeyId: expect.any(String),
      data: {
        fields: {
          firstName: 'Audra',
          email: 'audra@example.com',
          recordTypeId: record.recordTypeId,
          statusId: record.statusId,
        },
      },
    });
    const logged = await t.deps.db
      .select()
      .from(leadPosts)
      .where(and(eq(leadPosts.accountId, a.accountId), eq(leadPosts.recordId, id)));
    expect(logged).toMatchObject([{ outcome: 'created', httpStatus: 201, recordKind: 'sales_record' }]);
  });

  it('a type without statuses is refused with nothing saved, and the same key works once it has one', async () => {
    const c = await t.newAccount();
    const cKey = (await c.admin.post('/api/v1/api-keys', { name: 'W', scope: 'leads' })).json().key;
    const typeId = newId();
    await t.deps.db.insert(recordTypes).values({ accountId: c.accountId, id: typeId, name: 'Empty' });
    expect(
      (
        await c.admin.patch('/api/v1/account', {
          leadIntake: { target: 'sales_record', duplicates: 'skip', recordTypeId: typeId },
        })
      ).statusCode,
    ).toBe(200);
    const lead = { firstName: 'Nel', lastName: 'Nostatus', email: 'nel@example.com' };
    const refused = await json(lead, cKey, { 'idempotency-key': 'k-1' });
    expect(refused.statusCode).toBe(404);
    expect(
      await t.deps.db.select().from(salesRecords).where(eq(salesRecords.accountId, c.accountId)),
    ).toHaveLength(0);
    expect(await t.deps.db.select().from(leadPosts).where(eq(leadPosts.accountId, c.accountId))).toHaveLength(
      0,
    );
    await t.deps.db
      .insert(recordStatuses)
      .values({ accountId: c.accountId, id: newId(), recordTypeId: typeId, name: 'New', sortOrder: 1 });
    const ok = await json(lead, cKey, { 'idempotency-key': 'k-1' });
    expect(ok.statusCode).toBe(201);
    const [made] = await t.deps.db
      .select({ recordTypeId: salesRecords.recordTypeId })
      .from(salesRecords)
      .where(and(eq(salesRecords.accountId, c.accountId), eq(salesRecords.id, ok.json().id)));
    expect(made).toEqual({ recordTypeId: typeId });
  });

  it('Sales Records with "update" on duplicates: blanks filled, notes added, logged; a replayed duplicate answer is logged once', async () => {
    const d = await t.newAccount();
    const dKey = (await d.admin.post('/api/v1/api-keys', { name: 'W', scope: 'leads' })).json().key;
    const first = await json({ firstName: 'Upton', lastName: 'Date', email: 'upton@example.com' }, dKey);
    expect(first.statusCode).toBe(201);
    const intake = (duplicates: string) => ({
      leadIntake: { target: 'sales_record', duplicates, recordTypeId: null },
    });
    expect((await d.admin.patch('/api/v1/account', intake('update'))).statusCode).toBe(200);
    const again = await json(
      { firstName: 'U', lastName: 'D', email: 'upton@example.com', city: 'Tampa', note: 'Second time' },
      dKey,
    );
    expect(again.json()).toMatchObject({ outcome: 'updated', id: first.json().id, matchedOn: 'email' });
    const record = (await d.admin.get(`/api/v1/sales-records/${first.json().id}`)).json();
    expect(record).toMatchObject({ firstName: 'Upton', city: 'Tampa' });
    expect(
      (await d.admin.get(`/api/v1/sales-records/${record.id}/notes`))
        .json()
        .items.map((n: { body: string }) => n.body),
    ).toEqual(['Second time']);
    expect((await d.admin.patch('/api/v1/account', intake('skip'))).statusCode).toBe(200);
    const dup = { firstName: 'Up', lastName: 'Ton', email: 'upton@example.com' };
    const answers = await Promise.all([1, 2, 3].map(() => json(dup, dKey, { 'idempotency-key': 'dup-1' })));
    for (const r of answers)
      expect(r.json()).toEqual({
        outcome: 'duplicate',
        recordKind: 'sales_record',
        id: record.id,
        matchedOn: 'email',
      });
    const log = await t.deps.db.select().from(leadPosts).where(eq(leadPosts.accountId, d.accountId));
    expect(log.map((l) => l.outcome).sort()).toEqual(['created', 'duplicate', 'updated']);
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
