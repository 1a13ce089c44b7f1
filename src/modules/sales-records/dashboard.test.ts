import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../../test/support/app.ts';
import { salesGroup, signedInUser } from '../../../test/support/users.ts';
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
    const d = (await a.admin.get('/api/v1/sales-records/dashboard?whose=all')).json();
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

  it('does not count closed (won or lost) records as open, and gives them no temperature anywhere', async () => {
    const b = await t.newAccount();
    const [lead] = (await b.admin.get('/api/v1/record-types')).json().items;
    const status = (name: string) => lead.statuses.find((s: { name: string }) => s.name === name).id;
    const add = async (lastName: string, statusName: string, extra: object = {}) =>
      (
        await b.admin.post('/api/v1/sales-records', {
          firstName: 'C',
          lastName,
          statusId: status(statusName),
          assignedUserId: b.adminId,
          ...extra,
        })
      ).json().id as string;
    const open = await add('Open', 'New');
    const lost = await add('Lost', 'Closed lost', { manualTemperature: 'hot' });
    await add('Won', 'Closed won');
    const d = (await b.admin.get('/api/v1/sales-records/dashboard')).json();
    expect(d.byRecordType).toEqual([
      { recordTypeId: lead.id, count: 1, temperatures: { hot: 1, warm: 0, cool: 0, cold: 0 } },
    ]);
    expect(d.byStatus).toEqual([{ statusId: status('New'), count: 1 }]);
    expect(d.recent.map((r: { id: string }) => r.id)).toEqual([open]);
    // The list and the record itself: a closed record has no temperature, and no filter finds it.
    const list = (await b.admin.get('/api/v1/sales-records?sort=lastName')).json().items;
    expect(
      list.map((r: { lastName: string; temperature: string | null }) => [r.lastName, r.temperature]),
    ).toEqual([
      ['Lost', null],
      ['Open', 'hot'],
      ['Won', null],
    ]);
    expect((await b.admin.get(`/api/v1/sales-records/${lost}`)).json().temperature).toBeNull();
    expect((await b.admin.get(`/api/v1/sales-records/${open}`)).json().temperature).toBe('hot');
    const hot = (await b.admin.get('/api/v1/sales-records?temperature=hot')).json().items;
    expect(hot.map((r: { id: string }) => r.id)).toEqual([open]);
  });

  it('counts an agent’s own open records (assigned to them or their Linked Agent) unless asked for all', async () => {
    const b = await t.newAccount();
    const agent = (await b.admin.post('/api/v1/agents', { firstName: 'Ann', lastName: 'Agent' })).json().id;
    const other = (await b.admin.post('/api/v1/agents', { firstName: 'Bo', lastName: 'Other' })).json().id;
    const group = await salesGroup(b);
    const [lead] = (await b.admin.get('/api/v1/record-types')).json().items;
    const u = await signedInUser(t, b, {
      group,
      linked: [agent],
      sales: { recordTypeAccess: { [lead.id]: { view: true, add: false, edit: false, delete: false } } },
    });
    const add = (extra: object) =>
      b.admin.post('/api/v1/sales-records', { firstName: 'M', lastName: 'Mine', ...extra });
    await add({ assignedUserId: u.id });
    await add({ assignedAgentId: agent });
    await add({ assignedAgentId: other });
    await add({ assignedUserId: b.adminId });
    await add({});
    const total = async (c: typeof u.client, q = '') =>
      (await c.get(`/api/v1/sales-records/dashboard${q}`))
        .json()
        .byRecordType.reduce((n: number, r: { count: number }) => n + r.count, 0);
    expect(await total(u.client)).toBe(2);
    expect(await total(u.client, '?whose=mine')).toBe(2);
    expect(await total(u.client, '?whose=all')).toBe(5);
    expect(await total(b.admin)).toBe(1);
    expect(await total(b.admin, '?whose=all')).toBe(5);
    expect((await u.client.get('/api/v1/sales-records/dashboard?whose=ours')).statusCode).toBe(400);
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
