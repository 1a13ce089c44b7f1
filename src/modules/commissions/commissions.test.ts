import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp, unique } from '../../../test/support/app.ts';
import { salesGroup, signedInUser } from '../../../test/support/users.ts';
import { auditEvents } from '../audit/schema.ts';
import { policies } from '../policies/schema.ts';
import { policyCommissions } from './schema.ts';

let t: TestApp;
let a: TestAccount;
let lead: { id: string; statuses: { id: string; isClosedWon: boolean }[] };
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  [lead] = (await a.admin.get('/api/v1/record-types')).json().items;
});
afterAll(() => t.close());

async function recordWithPolicy(policy: Record<string, unknown> = {}) {
  const r = (
    await a.admin.post('/api/v1/sales-records', { firstName: 'Connie', lastName: unique('Commission') })
  ).json();
  const p = await a.admin.post(`/api/v1/sales-records/${r.id}/policies`, {
    carrier: 'Humana',
    product: 'Med Supp G',
    premium: '129.50',
    effectiveDate: '2025-03-15',
    renewalCycle: 'annual',
    status: 'active',
    ...policy,
  });
  expect(p.statusCode, p.body).toBe(201);
  return { record: r as { id: string }, policy: p.json() as { id: string; renewalCycle: string } };
}

const commissionCount = async (policyId: string) =>
  (
    (await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(policyCommissions)
      .where(eq(policyCommissions.policyId, policyId))) as [{ n: number }]
  )[0].n;

describe('commissions and renewals on a Sales Record', () => {
  it('computes expected first-year and renewal commissions and the next renewal, as of a day', async () => {
    const { record, policy } = await recordWithPolicy();
    expect(policy.renewalCycle).toBe('annual');
    const fy = await a.admin.post(`/api/v1/policies/${policy.id}/commissions`, {
      kind: 'first_year',
      basis: 'percent',
      ratePercent: '20%',
    });
    expect(fy.statusCode, fy.body).toBe(201);
    expect(fy.json()).toMatchObject({
      kind: 'first_year',
      ratePercent: '20.000',
      amount: null,
      payer: 'Humana',
    });
    const rn = await a.admin.post(`/api/v1/policies/${policy.id}/commissions`, {
      kind: 'renewal',
      basis: 'flat',
      amount: '$150',
      payer: 'Integrity FMO',
    });
    expect(rn.json()).toMatchObject({ amount: '150.00', payer: 'Integrity FMO' });

    const early = (
      await a.admin.get(`/api/v1/sales-records/${record.id}/commissions?asOf=2026-02-01`)
    ).json();
    expect(early.asOf).toBe('2026-02-01');
    expect(early.items).toHaveLength(1);
    expect(early.items[0]).toMatchObject({
      annualPremium: '1554.00',
      policyYear: 1,
      nextRenewalDate: '2026-03-15',
      daysUntilRenewal: 42,
      renewalUpcoming: true,
      expected: { firstYear: '310.80', renewal: '150.00', thisYear: '310.80', needsPremium: false },
    });
    expect(early.items[0].commissions.map((c: { expectedAnnual: string }) => c.expectedAnnual)).toEqual([
      '310.80',
      '150.00',
    ]);
    const later = (
      await a.admin.get(`/api/v1/sales-records/${record.id}/commissions?asOf=2026-06-01`)
    ).json();
    expect(later.items[0]).toMatchObject({
      policyYear: 2,
      nextRenewalDate: '2027-03-15',
      renewalUpcoming: false,
      expected: { thisYear: '150.00' },
    });
    // Without asOf: today in the account's time zone.
    const today = (await a.admin.get(`/api/v1/sales-records/${record.id}/commissions`)).json();
    expect(today.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(today.items[0].nextRenewalDate > today.asOf || today.items[0].nextRenewalDate === today.asOf).toBe(
      true,
    );
  });

  it('upcoming renewals come first; cancelled policies do not renew; a missing premium is flagged', async () => {
    const { record } = await recordWithPolicy({ effectiveDate: '2024-07-01', product: 'Later' });
    await a.admin.post(`/api/v1/sales-records/${record.id}/policies`, {
      carrier: 'Aetna',
      product: 'MA HMO',
      effectiveDate: '2025-10-01',
      renewalCycle: 'calendar_year',
      status: 'active',
    });
    const cancelled = (
      await a.admin.post(`/api/v1/sales-records/${record.id}/policies`, {
        carrier: 'Cigna',
        product: 'PDP',
        premium: 30,
        effectiveDate: '2025-01-01',
        renewalCycle: 'annual',
        status: 'cancelled',
      })
    ).json();
    const ma = (await a.admin.get(`/api/v1/sales-records/${record.id}/policies`))
      .json()
      .items.find((p: { product: string }) => p.product === 'MA HMO');
    await a.admin.post(`/api/v1/policies/${ma.id}/commissions`, {
      kind: 'first_year',
      basis: 'percent',
      ratePercent: 5,
    });
    const res = (await a.admin.get(`/api/v1/sales-records/${record.id}/commissions?asOf=2025-12-01`)).json();
    expect(res.items.map((i: { policy: { product: string } }) => i.policy.product)).toEqual([
      'MA HMO', // renews 2026-01-01: in 31 days
      'PDP',
      'Later',
    ]);
    expect(res.items[0]).toMatchObject({
      nextRenewalDate: '2026-01-01',
      daysUntilRenewal: 31,
      renewalUpcoming: true,
      expected: { firstYear: null, needsPremium: true },
    });
    const pdp = res.items.find((i: { policy: { id: string } }) => i.policy.id === cancelled.id);
    expect(pdp).toMatchObject({
      nextRenewalDate: null,
      renewalUpcoming: false,
      expected: { thisYear: null },
    });
  });

  it('edits and removes commissions, auditing each on the policy; only what changed is recorded', async () => {
    const { policy } = await recordWithPolicy();
    const c = (
      await a.admin.post(`/api/v1/policies/${policy.id}/commissions`, {
        kind: 'first_year',
        basis: 'percent',
        ratePercent: 20,
      })
    ).json();
    const same = await a.admin.patch(`/api/v1/commissions/${c.id}`, { ratePercent: '20.0' });
    expect(same.statusCode).toBe(200);
    const flat = await a.admin.patch(`/api/v1/commissions/${c.id}`, {
      basis: 'flat',
      amount: 611,
      ratePercent: null,
    });
    expect(flat.json()).toMatchObject({ basis: 'flat', amount: '611.00', ratePercent: null });
    expect((await a.admin.delete(`/api/v1/commissions/${c.id}`)).statusCode).toBe(204);
    expect((await a.admin.delete(`/api/v1/commissions/${c.id}`)).statusCode).toBe(404);
    const events = await t.deps.db
      .select({ type: auditEvents.type, data: auditEvents.data })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, policy.id))
      .orderBy(auditEvents.occurredAt, auditEvents.id);
    expect(events.map((e) => e.type)).toEqual([
      'policy.created',
      'commission.created',
      'commission.updated',
      'commission.deleted',
    ]);
    expect(events[2]!.data).toMatchObject({
      changes: {
        basis: { from: 'percent', to: 'flat' },
        amount: { from: null, to: '611.00' },
        ratePercent: { from: '20.000', to: null },
      },
    });
  });

  it('refuses bad input listing every problem, and writes nothing', async () => {
    const { record, policy } = await recordWithPolicy();
    const bad = await a.admin.post(`/api/v1/policies/${policy.id}/commissions`, {
      kind: 'bonus',
      basis: 'percent',
      amount: 'lots',
      payer: '',
    });
    expect(bad.statusCode).toBe(400);
    expect([...new Set(bad.json().errors.map((e: { path: string }) => e.path))].sort()).toEqual([
      'amount',
      'kind',
      'payer',
      'ratePercent',
    ]);
    for (const body of [
      { kind: 'first_year', basis: 'percent', ratePercent: 250 },
      { kind: 'first_year', basis: 'percent', ratePercent: 0 },
      { kind: 'first_year', basis: 'percent', ratePercent: '1.2345' },
      { kind: 'renewal', basis: 'flat', amount: 100, ratePercent: 5 },
      { kind: 'renewal', basis: 'flat', amount: -5 },
      { kind: 'renewal', basis: 'flat', amount: 5, extra: true },
    ]) {
      const res = await a.admin.post(`/api/v1/policies/${policy.id}/commissions`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await commissionCount(policy.id)).toBe(0);

    const c = (
      await a.admin.post(`/api/v1/policies/${policy.id}/commissions`, {
        kind: 'renewal',
        basis: 'percent',
        ratePercent: 7,
      })
    ).json();
    const switchBad = await a.admin.patch(`/api/v1/commissions/${c.id}`, { basis: 'flat' });
    expect(switchBad.statusCode).toBe(400);
    expect(switchBad.json().errors.map((e: { path: string }) => e.path)).toEqual(['amount', 'ratePercent']);
    expect(
      (await a.admin.get(`/api/v1/sales-records/${record.id}/commissions?asOf=2026-01-01`)).json().items[0]
        .commissions[0],
    ).toMatchObject({ basis: 'percent', ratePercent: '7.000' });

    expect(
      (await a.admin.get(`/api/v1/sales-records/${record.id}/commissions?asOf=2026-13-01`)).statusCode,
    ).toBe(400);
    const badCycle = await a.admin.patch(`/api/v1/policies/${policy.id}`, { renewalCycle: 'weekly' });
    expect(badCycle.statusCode).toBe(400);
    expect(badCycle.json().errors[0].path).toBe('renewalCycle');
    const [row] = await t.deps.db.select().from(policies).where(eq(policies.id, policy.id));
    expect(row!.renewalCycle).toBe('annual');
  });

  it('after conversion they live on the client: listed there, edited there, read-only on the lead', async () => {
    const won = lead.statuses.find((s) => s.isClosedWon)!.id;
    const { record, policy } = await recordWithPolicy();
    await a.admin.post(`/api/v1/policies/${policy.id}/commissions`, {
      kind: 'first_year',
      basis: 'flat',
      amount: 611,
    });
    await a.admin.patch(`/api/v1/sales-records/${record.id}`, { statusId: won });
    const { individualId } = (await a.admin.post(`/api/v1/sales-records/${record.id}/convert`)).json();
    const onClient = (
      await a.admin.get(`/api/v1/individuals/${individualId}/commissions?asOf=2025-06-01`)
    ).json();
    expect(onClient.items[0]).toMatchObject({ policy: { id: policy.id }, expected: { firstYear: '611.00' } });
    expect((await a.admin.get(`/api/v1/sales-records/${record.id}/commissions`)).json().items).toHaveLength(
      1,
    );
    // The policy now belongs to the client: adding works through it, whatever URL found it.
    expect(
      (
        await a.admin.post(`/api/v1/policies/${policy.id}/commissions`, {
          kind: 'renewal',
          basis: 'flat',
          amount: 306,
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe('who may see and change commissions', () => {
  it('view-only users read but may not change (403); out-of-scope records and other accounts are 404', async () => {
    const { record, policy } = await recordWithPolicy();
    const c = (
      await a.admin.post(`/api/v1/policies/${policy.id}/commissions`, {
        kind: 'renewal',
        basis: 'flat',
        amount: 10,
      })
    ).json();
    const group = await salesGroup(a);
    const viewer = await signedInUser(t, a, {
      group,
      sales: { recordTypeAccess: { [lead.id]: { view: true } } },
    });
    expect((await viewer.client.get(`/api/v1/sales-records/${record.id}/commissions`)).statusCode).toBe(200);
    const add = await viewer.client.post(`/api/v1/policies/${policy.id}/commissions`, {
      kind: 'renewal',
      basis: 'flat',
      amount: 1,
    });
    expect(add.statusCode).toBe(403);
    expect(add.json().missing).toEqual(['salesPermissions.recordTypeAccess.edit']);
    expect((await viewer.client.patch(`/api/v1/commissions/${c.id}`, { amount: 1 })).statusCode).toBe(403);
    expect((await viewer.client.delete(`/api/v1/commissions/${c.id}`)).statusCode).toBe(403);

    // Record Access "assigned": a record assigned to nobody is out of reach, as if absent.
    const assignedOnly = await signedInUser(t, a, {
      group,
      sales: { recordAccess: 'assigned', recordTypeAccess: { [lead.id]: { view: true, edit: true } } },
    });
    expect((await assignedOnly.client.get(`/api/v1/sales-records/${record.id}/commissions`)).statusCode).toBe(
      404,
    );
    expect(
      (
        await assignedOnly.client.post(`/api/v1/policies/${policy.id}/commissions`, {
          kind: 'renewal',
          basis: 'flat',
          amount: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect((await assignedOnly.client.patch(`/api/v1/commissions/${c.id}`, { amount: 1 })).statusCode).toBe(
      404,
    );

    const b = await t.newAccount();
    expect((await b.admin.get(`/api/v1/sales-records/${record.id}/commissions`)).statusCode).toBe(404);
    expect(
      (
        await b.admin.post(`/api/v1/policies/${policy.id}/commissions`, {
          kind: 'renewal',
          basis: 'flat',
          amount: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect((await b.admin.patch(`/api/v1/commissions/${c.id}`, { amount: 1 })).statusCode).toBe(404);
    expect((await b.admin.delete(`/api/v1/commissions/${c.id}`)).statusCode).toBe(404);
    const [row] = await t.deps.db.select().from(policyCommissions).where(eq(policyCommissions.id, c.id));
    expect(row!.amount).toBe('10.00');
  });
});
