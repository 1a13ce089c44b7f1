import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../../test/support/app.ts';
import { salesRecords } from './schema.ts';

let t: TestApp;
let a: TestAccount;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
});
afterAll(() => t.close());

describe('dashboard and saved views', () => {
  it('counts by type with temperatures and by status, and shows recent records', async () => {
    const [lead, renewal] = (await a.admin.get('/api/v1/record-types')).json().items;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (await a.admin.post('/api/v1/sales-records', { firstName: 'D', lastName: `Lead${i}` })).json().id,
      );
    await a.admin.post('/api/v1/sales-records', {
      firstName: 'D',
      lastName: 'Renew',
      recordTypeId: renewal.id,
      manualTemperature: 'cool',
    });
    await t.deps.db
      .update(salesRecords)
      .set({ createdAt: new Date(Date.now() - 400 * 86400_000) })
      .where(and(eq(salesRecords.accountId, a.accountId), eq(salesRecords.id, ids[0]!)));
    const d = (await a.admin.get('/api/v1/sales-records/dashboard')).json();
    const byType = Object.fromEntries(
      d.byRecordType.map((x: { recordTypeId: string }) => [x.recordTypeId, x]),
    );
    expect(byType[lead.id]).toEqual({
      recordTypeId: lead.id,
      count: 3,
      temperatures: { hot: 2, warm: 0, cool: 0, cold: 1 },
    });
    expect(byType[renewal.id].temperatures).toEqual({ hot: 0, warm: 0, cool: 1, cold: 0 });
    expect(d.byStatus.find((s: { statusId: string }) => s.statusId === lead.statuses[0].id).count).toBe(3);
    expect(d.recent[0].lastName).toBe('Renew');
    expect(d.recent).toHaveLength(4);
  });

  it('saved views belong to their user', async () => {
    const v = await a.admin.post('/api/v1/saved-views', {
      name: 'Hot Medicare leads',
      query: { temperature: 'hot', sort: 'lastName', q: 'smi' },
    });
    expect(v.statusCode, v.body).toBe(201);
    expect(v.json().query).toMatchObject({ temperature: 'hot', sort: 'lastName', q: 'smi' });
    expect(
      (await a.admin.post('/api/v1/saved-views', { name: 'hot medicare leads', query: {} })).statusCode,
    ).toBe(409);
    expect(
      (await a.admin.post('/api/v1/saved-views', { name: 'Bad', query: { temperature: 'tepid' } }))
        .statusCode,
    ).toBe(400);
    const b = await t.newAccount();
    expect((await b.admin.delete(`/api/v1/saved-views/${v.json().id}`)).statusCode).toBe(404);
    expect((await a.admin.get('/api/v1/saved-views')).json().items).toHaveLength(1);
    expect((await a.admin.delete(`/api/v1/saved-views/${v.json().id}`)).statusCode).toBe(204);
  });
});
