import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../../test/support/app.ts';
import { auditEvents } from '../audit/schema.ts';

let t: TestApp;
let a: TestAccount;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
});
afterAll(() => t.close());

describe('editing a policy', () => {
  it('changes only what is sent: a new renewal cycle or premium keeps the status', async () => {
    const r = (await a.admin.post('/api/v1/sales-records', { firstName: 'Pol', lastName: 'Icy' })).json();
    const p = (
      await a.admin.post(`/api/v1/sales-records/${r.id}/policies`, {
        carrier: 'Aetna',
        product: 'Med Supp N',
        premium: 99,
        effectiveDate: '2026-02-01',
        status: 'active',
      })
    ).json();
    expect(p).toMatchObject({ status: 'active', renewalCycle: null });
    const cycled = await a.admin.patch(`/api/v1/policies/${p.id}`, { renewalCycle: 'semiannual' });
    expect(cycled.json()).toMatchObject({ status: 'active', renewalCycle: 'semiannual', premium: '99.00' });
    expect((await a.admin.patch(`/api/v1/policies/${p.id}`, { premium: '101.50' })).json()).toMatchObject({
      status: 'active',
      premium: '101.50',
    });
    expect(
      (await a.admin.patch(`/api/v1/policies/${p.id}`, { renewalCycle: null })).json().renewalCycle,
    ).toBeNull();
    const events = await t.deps.db
      .select({ type: auditEvents.type, data: auditEvents.data })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, p.id))
      .orderBy(auditEvents.occurredAt, auditEvents.id);
    expect(events.map((e) => e.data.changes)).toEqual([
      undefined,
      { renewalCycle: { from: null, to: 'semiannual' } },
      { premium: { from: '99.00', to: '101.50' } },
      { renewalCycle: { from: 'semiannual', to: null } },
    ]);
  });

  it('a deleted policy’s audit entry names the record it was on', async () => {
    const r = (await a.admin.post('/api/v1/sales-records', { firstName: 'Del', lastName: 'Eted' })).json();
    const p = (
      await a.admin.post(`/api/v1/sales-records/${r.id}/policies`, { carrier: 'Cigna', product: 'PDP' })
    ).json();
    expect((await a.admin.delete(`/api/v1/policies/${p.id}`)).statusCode).toBe(204);
    const [deleted] = await t.deps.db
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'policy.deleted'), eq(auditEvents.subjectId, p.id)));
    expect(deleted!.data).toEqual({
      owner: { kind: 'sales_record', id: r.id },
      carrier: 'Cigna',
      product: 'PDP',
    });
  });
});
