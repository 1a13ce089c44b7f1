import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp, unique } from '../../../test/support/app.ts';
import { salesGroup, signedInUser } from '../../../test/support/users.ts';
import { NO_PERMISSIONS } from '../users/index.ts';

let t: TestApp;
let a: TestAccount;
let lead: { id: string; statuses: { id: string; isClosedWon: boolean }[] };
let renewalType: { id: string; statuses: { id: string; isClosedWon: boolean }[] };
let won: string;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  [lead, renewalType] = (await a.admin.get('/api/v1/record-types')).json().items;
  won = lead.statuses.find((s) => s.isClosedWon)!.id;
});
afterAll(() => t.close());

type Event = {
  type: string;
  subjectType: string;
  data: Record<string, unknown>;
  actor: { id: string } | null;
};

/** A closed-won lead with a note, a policy and a commission, converted: returns both ids. */
async function convertedClient(extra: Record<string, unknown> = {}) {
  const r = (
    await a.admin.post('/api/v1/sales-records', {
      firstName: 'Hilda',
      lastName: unique('History'),
      statusId: won,
      ...extra,
    })
  ).json();
  await a.admin.post(`/api/v1/sales-records/${r.id}/notes`, { body: 'Wants dental.' });
  const policy = (
    await a.admin.post(`/api/v1/sales-records/${r.id}/policies`, {
      carrier: 'Humana',
      product: 'Gold Plus',
      premium: 0,
      effectiveDate: '2026-01-01',
      renewalCycle: 'calendar_year',
    })
  ).json();
  await a.admin.post(`/api/v1/policies/${policy.id}/commissions`, {
    kind: 'first_year',
    basis: 'flat',
    amount: 611,
  });
  const res = await a.admin.post(`/api/v1/sales-records/${r.id}/convert`);
  expect(res.statusCode, res.body).toBe(200);
  return {
    salesRecordId: r.id as string,
    individualId: res.json().individualId as string,
    policyId: policy.id,
  };
}

describe('a client’s history', () => {
  it('shows the client’s own events and its policies’ (from before conversion too), oldest first', async () => {
    const { salesRecordId, individualId, policyId } = await convertedClient();
    await a.admin.patch(`/api/v1/individuals/${individualId}`, { city: 'Tampa' });
    await a.admin.post(`/api/v1/individuals/${individualId}/notes`, { body: 'Called about the card.' });
    await a.admin.patch(`/api/v1/policies/${policyId}`, { status: 'active' });
    const res = await a.admin.get(`/api/v1/individuals/${individualId}/history`);
    expect(res.statusCode).toBe(200);
    const events: Event[] = res.json().items;
    expect(events.map((e) => e.type)).toEqual([
      'policy.created',
      'commission.created',
      'individual.created',
      'individual.updated',
      'individual.note_added',
      'policy.updated',
    ]);
    expect(events[2]).toMatchObject({
      subjectType: 'individual',
      data: { fromSalesRecordId: salesRecordId },
      actor: { id: a.adminId },
    });
    expect(events[3]!.data).toEqual({ changes: { city: { from: null, to: 'Tampa' } } });
    expect(events[5]).toMatchObject({
      subjectType: 'policy',
      data: { changes: { status: { from: 'quoted', to: 'active' } } },
    });
    // Another client's events do not leak in.
    const other = await convertedClient();
    const ids = (await a.admin.get(`/api/v1/individuals/${other.individualId}/history`))
      .json()
      .items.map((e: { subjectId: string }) => e.subjectId);
    expect(ids).not.toContain(individualId);
    expect(ids).not.toContain(policyId);
  });

  it('is 404 for another account and for a client outside an Agent CRM user’s book; 403 without Individuals', async () => {
    const agent = (await a.admin.post('/api/v1/agents', { firstName: 'Book', lastName: 'Agent' })).json().id;
    const otherAgent = (
      await a.admin.post('/api/v1/agents', { firstName: 'Other', lastName: 'Agent' })
    ).json().id;
    const mine = (
      await a.admin.post('/api/v1/individuals', { firstName: 'M', lastName: 'Ine', servicingAgentId: agent })
    ).json();
    const theirs = (
      await a.admin.post('/api/v1/individuals', {
        firstName: 'T',
        lastName: 'Heirs',
        servicingAgentId: otherAgent,
      })
    ).json();
    const crm = await signedInUser(t, a, {
      group: await salesGroup(a),
      userType: 'agent_crm_user',
      accessible: [agent],
    });
    expect((await crm.client.get(`/api/v1/individuals/${mine.id}/history`)).statusCode).toBe(200);
    expect((await crm.client.get(`/api/v1/individuals/${theirs.id}/history`)).statusCode).toBe(404);

    const noIndividuals = (
      await a.admin.post('/api/v1/security-groups', {
        name: unique('No clients '),
        permissions: { ...NO_PERMISSIONS, salesEnablement: { visible: true } },
      })
    ).json().id;
    const seller = await signedInUser(t, a, { group: noIndividuals });
    expect((await seller.client.get(`/api/v1/individuals/${mine.id}/history`)).statusCode).toBe(403);

    const b = await t.newAccount();
    expect((await b.admin.get(`/api/v1/individuals/${mine.id}/history`)).statusCode).toBe(404);
    expect((await b.admin.get(`/api/v1/individuals/${mine.id}/sales-records`)).statusCode).toBe(404);
  });
});

describe('a client’s Sales Records', () => {
  it('lists those converted into or created for the client, newest first, without deleted ones', async () => {
    const { salesRecordId, individualId } = await convertedClient();
    const newSale = await a.admin.post(`/api/v1/individuals/${individualId}/sales-records`, {
      recordTypeId: renewalType.id,
    });
    expect(newSale.statusCode, newSale.body).toBe(201);
    const gone = (await a.admin.post(`/api/v1/individuals/${individualId}/sales-records`, {})).json();
    await a.admin.delete(`/api/v1/sales-records/${gone.id}?acknowledgeRetention=true`);
    await a.admin.post('/api/v1/sales-records', { firstName: 'Unrelated', lastName: 'Lead' });

    const items = (await a.admin.get(`/api/v1/individuals/${individualId}/sales-records`)).json().items;
    expect(items.map((i: { id: string }) => i.id)).toEqual([newSale.json().id, salesRecordId]);
    expect(items[1]).toMatchObject({
      recordTypeId: lead.id,
      isClosedWon: true,
      convertedAt: expect.any(String),
    });
    expect(items[0]).toMatchObject({
      recordTypeId: renewalType.id,
      recordTypeName: expect.any(String),
      statusName: expect.any(String),
      convertedAt: null,
    });
  });

  it('shows each viewer only the records they may see; needs Sales Record view', async () => {
    const group = await salesGroup(a);
    const seller = await signedInUser(t, a, {
      group,
      sales: {
        recordAccess: 'assigned',
        recordTypeAccess: { [lead.id]: { view: true, edit: true }, [renewalType.id]: { view: true } },
      },
    });
    const leadsOnly = await signedInUser(t, a, {
      group,
      sales: { recordTypeAccess: { [lead.id]: { view: true } } },
    });
    const { salesRecordId, individualId } = await convertedClient();
    const forSeller = (
      await a.admin.post(`/api/v1/individuals/${individualId}/sales-records`, {
        recordTypeId: renewalType.id,
        assignedUserId: seller.id,
      })
    ).json();
    const ids = async (c: typeof seller.client) =>
      (await c.get(`/api/v1/individuals/${individualId}/sales-records`))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await ids(seller.client)).toEqual([forSeller.id]);
    expect(await ids(leadsOnly.client)).toEqual([salesRecordId]);

    const clientsOnly = (
      await a.admin.post('/api/v1/security-groups', {
        name: unique('Service '),
        permissions: { ...NO_PERMISSIONS, individual: { visible: true, edit: true } },
      })
    ).json().id;
    const service = await signedInUser(t, a, { group: clientsOnly });
    expect((await service.client.get(`/api/v1/individuals/${individualId}`)).statusCode).toBe(200);
    expect((await service.client.get(`/api/v1/individuals/${individualId}/sales-records`)).statusCode).toBe(
      403,
    );
  });
});

describe('the client list’s search', () => {
  it('finds a partial email and the last 4 or more digits of a phone or cell; 3 digits are not a phone search', async () => {
    const b = await t.newAccount();
    const add = async (body: Record<string, unknown>) =>
      expect((await b.admin.post('/api/v1/individuals', body)).statusCode).toBe(201);
    await add({
      firstName: 'Dorothy',
      lastName: 'Johnson',
      email: 'dorothy.johnson58@example.com',
      phone: '(312) 201-3344',
    });
    await add({ firstName: 'Dot', lastName: 'Jones', cellPhone: '312-764-3344' });
    const found = async (q: string) =>
      (await b.admin.get(`/api/v1/individuals?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((x: { lastName: string }) => x.lastName)
        .sort();
    expect(await found('dorothy.johnson58')).toEqual(['Johnson']);
    expect(await found('dorothy.johnson58@exa')).toEqual(['Johnson']);
    for (const q of ['3344', '33 44']) expect(await found(q), q).toEqual(['Johnson', 'Jones']);
    for (const q of ['2013344', '201-3344', '(201) 33-44']) expect(await found(q), q).toEqual(['Johnson']);
    expect(await found('764.3344')).toEqual(['Jones']);
    expect(await found('3122')).toEqual([]);
    expect(await found('344')).toEqual([]);
  });
});

describe('the Servicing Agent’s name', () => {
  it('comes with the client (list, read, create), so no screen shows a placeholder', async () => {
    const b = await t.newAccount();
    const agent = (await b.admin.post('/api/v1/agents', { firstName: 'Dana', lastName: 'Downline' })).json()
      .id as string;
    const created = await b.admin.post('/api/v1/individuals', {
      firstName: 'Sam',
      lastName: 'Served',
      servicingAgentId: agent,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().servicingAgentName).toBe('Dana Downline');
    const none = (await b.admin.post('/api/v1/individuals', { firstName: 'No', lastName: 'Agent' })).json();
    expect(none.servicingAgentName).toBeNull();
    const read = (await b.admin.get(`/api/v1/individuals/${created.json().id}`)).json();
    expect(read.servicingAgentName).toBe('Dana Downline');
    const list = (await b.admin.get('/api/v1/individuals')).json().items as {
      lastName: string;
      servicingAgentName: string | null;
    }[];
    expect(Object.fromEntries(list.map((i) => [i.lastName, i.servicingAgentName]))).toEqual({
      Served: 'Dana Downline',
      Agent: null,
    });
  });
});
