import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
let a: TestAccount;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
});
afterAll(() => t.close());

describe('custom fields', () => {
  it('an admin defines fields of each type; records are validated against them and filter by them', async () => {
    const defs = [
      {
        entity: 'sales_record',
        key: 'plan_interest',
        label: 'Plan interest',
        type: 'picklist',
        options: ['MAPD', 'Med Supp', 'PDP'],
      },
      { entity: 'sales_record', key: 'tobacco', label: 'Tobacco user', type: 'boolean', required: true },
      { entity: 'sales_record', key: 'income', label: 'Income', type: 'number' },
      { entity: 'sales_record', key: 'callback', label: 'Call back on', type: 'date' },
      { entity: 'sales_record', key: 'doctor', label: 'Primary doctor', type: 'text' },
    ];
    for (const d of defs) expect((await a.admin.post('/api/v1/custom-fields', d)).statusCode).toBe(201);
    expect((await a.admin.post('/api/v1/custom-fields', defs[0])).statusCode).toBe(409);
    expect(
      (
        await a.admin.post('/api/v1/custom-fields', {
          entity: 'sales_record',
          key: 'Bad Key',
          label: 'x',
          type: 'picklist',
        })
      )
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['key', 'options']);

    const bad = await a.admin.post('/api/v1/sales-records', {
      firstName: 'C',
      lastName: 'F',
      customFields: { plan_interest: 'Gold', income: 'a lot', shoe_size: 9 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual([
      'customFields.income',
      'customFields.plan_interest',
      'customFields.shoe_size',
      'customFields.tobacco',
    ]);

    const ok = await a.admin.post('/api/v1/sales-records', {
      firstName: 'C',
      lastName: 'F',
      customFields: { plan_interest: 'PDP', tobacco: false, income: '41,000', callback: '2026-12-01' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().customFields).toEqual({
      plan_interest: 'PDP',
      tobacco: false,
      income: 41000,
      callback: '2026-12-01',
    });
    const upd = await a.admin.patch(`/api/v1/sales-records/${ok.json().id}`, {
      customFields: { doctor: 'Dr. Patel' },
    });
    expect(upd.json().customFields).toMatchObject({ plan_interest: 'PDP', doctor: 'Dr. Patel' });
    expect(
      (await a.admin.patch(`/api/v1/sales-records/${ok.json().id}`, { customFields: { tobacco: null } }))
        .statusCode,
    ).toBe(400);

    await a.admin.post('/api/v1/sales-records', {
      firstName: 'D',
      lastName: 'G',
      customFields: { plan_interest: 'MAPD', tobacco: true },
    });
    const filtered = (await a.admin.get('/api/v1/sales-records?cf=plan_interest:PDP')).json().items;
    expect(filtered.map((x: { id: string }) => x.id)).toEqual([ok.json().id]);
    expect((await a.admin.get('/api/v1/sales-records?cf=Bad')).statusCode).toBe(400);
  });

  it('only admins define fields; everyone signed in can read them; other accounts cannot touch them', async () => {
    const b = await t.newAccount();
    const id = (await a.admin.get('/api/v1/custom-fields?entity=sales_record')).json().items[0].id;
    expect((await b.admin.patch(`/api/v1/custom-fields/${id}`, { label: 'x' })).statusCode).toBe(404);
    expect((await b.admin.get('/api/v1/custom-fields')).json().items).toHaveLength(0);
    const upd = await a.admin.patch(`/api/v1/custom-fields/${id}`, {
      label: 'Plan of interest',
      options: ['MAPD', 'PDP'],
    });
    expect(upd.json()).toMatchObject({ label: 'Plan of interest', options: ['MAPD', 'PDP'] });
    expect((await a.admin.delete(`/api/v1/custom-fields/${id}`)).statusCode).toBe(204);
  });
});
