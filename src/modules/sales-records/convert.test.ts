import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  PASSWORD,
  type TestAccount,
  type TestApp,
  unique,
} from '../../../test/support/app.ts';
import { DEFAULT_SALES_PERMISSIONS } from '../access/index.ts';
import { NO_PERMISSIONS } from '../users/index.ts';

let t: TestApp;
let a: TestAccount;
let lead: { id: string; statuses: { id: string; name: string; isClosedWon: boolean }[] };
let won: string;
let agentId: string;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  [lead] = (await a.admin.get('/api/v1/record-types')).json().items;
  won = lead.statuses.find((s) => s.isClosedWon)!.id;
  agentId = (await a.admin.post('/api/v1/agents', { firstName: 'Serv', lastName: 'Agent' })).json().id;
});
afterAll(() => t.close());

const create = async (body: Record<string, unknown> = {}) => {
  const res = await a.admin.post('/api/v1/sales-records', {
    firstName: 'Carla',
    lastName: unique('Convert'),
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; lastName: string };
};

describe('converting a Sales Record to an Individual', () => {
  it('refuses a record that is not closed won, changing nothing', async () => {
    const r = await create();
    const res = await a.admin.post(`/api/v1/sales-records/${r.id}/convert`);
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/closed-won/);
    expect((await a.admin.get(`/api/v1/sales-records/${r.id}`)).json().convertedAt).toBeNull();
    expect(
      (await a.admin.get('/api/v1/individuals')).json().items.map((i: { lastName: string }) => i.lastName),
    ).not.toContain(r.lastName);
  });

  it('carries fields, notes, policies and the agent link over; the Sales Record stays read-only and linked', async () => {
    const r = await create({
      email: 'carla@example.com',
      cellPhone: '312-201-4545',
      medicareNumber: '1EG4-TE5-MK73',
      assignedAgentId: agentId,
      dateOfBirth: '1955-04-02',
    });
    await a.admin.post(`/api/v1/sales-records/${r.id}/notes`, { body: 'Wants a plan with dental.' });
    const policy = (
      await a.admin.post(`/api/v1/sales-records/${r.id}/policies`, {
        carrier: 'Humana',
        product: 'Gold Plus HMO',
        premium: '$0.00',
        effectiveDate: '2027-01-01',
      })
    ).json();
    await a.admin.patch(`/api/v1/sales-records/${r.id}`, { statusId: won });

    const res = await a.admin.post(`/api/v1/sales-records/${r.id}/convert`);
    expect(res.statusCode, res.body).toBe(200);
    const { individualId, merged } = res.json();
    expect(merged).toBe(false);
    const ind = (await a.admin.get(`/api/v1/individuals/${individualId}`)).json();
    expect(ind).toMatchObject({
      firstName: 'Carla',
      lastName: r.lastName,
      email: 'carla@example.com',
      cellPhone: '+13122014545',
      medicareNumber: '1EG4TE5MK73',
      dateOfBirth: '1955-04-02',
      servicingAgentId: agentId,
    });
    const notes = (await a.admin.get(`/api/v1/individuals/${individualId}/notes`)).json().items;
    expect(notes).toEqual([
      expect.objectContaining({
        body: 'Wants a plan with dental.',
        fromSalesRecordId: r.id,
        author: expect.objectContaining({ id: a.adminId }),
      }),
    ]);
    const policies = (await a.admin.get(`/api/v1/individuals/${individualId}/policies`)).json().items;
    expect(policies).toEqual([
      expect.objectContaining({ id: policy.id, individualId, salesRecordId: r.id, premium: '0.00' }),
    ]);

    const sr = (await a.admin.get(`/api/v1/sales-records/${r.id}`)).json();
    const listed = (await a.admin.get('/api/v1/sales-records?limit=200'))
      .json()
      .items.find((x: { id: string }) => x.id === r.id);
    expect(listed.convertedAt).not.toBeNull();
    // Closed won: a closed status has no temperature.
    expect(sr.temperature).toBeNull();
    expect(sr.individualId).toBe(individualId);
    expect(sr.convertedAt).not.toBeNull();
    for (const [method, url, payload] of [
      ['PATCH', `/api/v1/sales-records/${r.id}`, { firstName: 'X' }],
      ['POST', `/api/v1/sales-records/${r.id}/notes`, { body: 'x' }],
      ['POST', `/api/v1/sales-records/${r.id}/policies`, { carrier: 'A', product: 'B' }],
      ['DELETE', `/api/v1/sales-records/${r.id}?acknowledgeRetention=true`],
    ] as [string, string, unknown?][]) {
      expect(
        (
          await a.admin.request({
            method: method as 'GET',
            url,
            ...(payload ? { payload: payload as object } : {}),
          })
        ).statusCode,
        url,
      ).toBe(422);
    }
    expect((await a.admin.post(`/api/v1/sales-records/${r.id}/convert`)).statusCode).toBe(409);
    const history = (await a.admin.get(`/api/v1/sales-records/${r.id}/history`)).json().items;
    expect(history.at(-1)).toMatchObject({
      type: 'sales_record.converted',
      data: { individualId, merged: false },
    });
  });

  it('the assigned user’s Linked Agent becomes the Servicing Agent', async () => {
    const username = unique('linked');
    const g = (await a.admin.get('/api/v1/security-groups')).json().items[0].id;
    const u = (
      await a.admin.post('/api/v1/users', {
        firstName: 'L',
        lastName: 'U',
        email: `${username}@example.test`,
        username,
        securityGroupId: g,
        linkedAgentIds: [agentId],
        sendLoginInfo: false,
      })
    ).json().user;
    const r = await create({ assignedUserId: u.id, statusId: won });
    const { individualId } = (await a.admin.post(`/api/v1/sales-records/${r.id}/convert`)).json();
    expect((await a.admin.get(`/api/v1/individuals/${individualId}`)).json().servicingAgentId).toBe(agentId);
  });

  it('a Sales Record made for an existing Individual merges back into it, filling what it lacks', async () => {
    const ind = (
      await a.admin.post('/api/v1/individuals', {
        firstName: 'Ivan',
        lastName: unique('Client'),
        email: 'ivan@example.com',
      })
    ).json();
    const sr = await a.admin.post(`/api/v1/individuals/${ind.id}/sales-records`, {
      product: 'Final Expense',
    });
    expect(sr.statusCode, sr.body).toBe(201);
    expect(sr.json()).toMatchObject({
      firstName: 'Ivan',
      lastName: ind.lastName,
      email: 'ivan@example.com',
      individualId: ind.id,
      product: 'Final Expense',
    });
    await a.admin.patch(`/api/v1/sales-records/${sr.json().id}`, {
      phone: '312-201-7878',
      email: 'other@example.com',
      statusId: won,
    });
    const res = (await a.admin.post(`/api/v1/sales-records/${sr.json().id}/convert`)).json();
    expect(res).toEqual({ individualId: ind.id, merged: true });
    expect((await a.admin.get(`/api/v1/individuals/${ind.id}`)).json()).toMatchObject({
      phone: '+13122017878',
      email: 'ivan@example.com',
    });
  });

  it('batch conversion converts what it can and reports each failure', async () => {
    const ok1 = await create({ statusId: won });
    const ok2 = await create({ statusId: won });
    const notWon = await create();
    const res = (
      await a.admin.post('/api/v1/sales-records/convert', { ids: [ok1.id, notWon.id, ok2.id] })
    ).json();
    expect(res.converted).toBe(2);
    expect(res.results).toEqual([
      { id: ok1.id, individualId: expect.any(String) },
      { id: notWon.id, error: expect.stringMatching(/closed-won/), status: 422 },
      { id: ok2.id, individualId: expect.any(String) },
    ]);
  });

  it('converting needs Edit on the type', async () => {
    const g = (
      await a.admin.post('/api/v1/security-groups', {
        name: unique('V'),
        permissions: {
          ...NO_PERMISSIONS,
          salesEnablement: { visible: true },
          individual: { visible: true, edit: true },
        },
      })
    ).json().id;
    const username = unique('viewer');
    const created = (
      await a.admin.post('/api/v1/users', {
        firstName: 'V',
        lastName: 'W',
        email: `${username}@example.test`,
        username,
        securityGroupId: g,
        salesPermissions: { ...DEFAULT_SALES_PERMISSIONS, recordTypeAccess: { [lead.id]: { view: true } } },
        sendLoginInfo: false,
      })
    ).json();
    const c = await t.login(username, created.temporaryPassword);
    await c.post('/api/v1/me/password', {
      currentPassword: created.temporaryPassword,
      newPassword: PASSWORD,
    });
    const r = await create({ statusId: won });
    const res = await c.post(`/api/v1/sales-records/${r.id}/convert`);
    expect(res.statusCode).toBe(403);
    expect(res.json().missing).toEqual(['salesPermissions.recordTypeAccess.edit']);
  });
});

describe('Individuals', () => {
  it('an Agent CRM user sees only their Accessible Agents’ Individuals; other accounts’ are 404', async () => {
    const other = (await a.admin.post('/api/v1/agents', { firstName: 'Other', lastName: 'Agent' })).json().id;
    const mine = (
      await a.admin.post('/api/v1/individuals', {
        firstName: 'In',
        lastName: unique('Book'),
        servicingAgentId: agentId,
      })
    ).json();
    const theirs = (
      await a.admin.post('/api/v1/individuals', {
        firstName: 'Out',
        lastName: unique('Book'),
        servicingAgentId: other,
      })
    ).json();
    const g = (
      await a.admin.post('/api/v1/security-groups', {
        name: unique('CRM'),
        permissions: {
          ...NO_PERMISSIONS,
          salesEnablement: { visible: true },
          individual: { visible: true, edit: true },
        },
      })
    ).json().id;
    const username = unique('crm');
    const created = (
      await a.admin.post('/api/v1/users', {
        firstName: 'C',
        lastName: 'R',
        email: `${username}@example.test`,
        username,
        securityGroupId: g,
        userType: 'agent_crm_user',
        accessibleAgentIds: [agentId],
        sendLoginInfo: false,
      })
    ).json();
    const c = await t.login(username, created.temporaryPassword);
    await c.post('/api/v1/me/password', {
      currentPassword: created.temporaryPassword,
      newPassword: PASSWORD,
    });
    const ids = (await c.get('/api/v1/individuals?limit=200')).json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect((await c.get(`/api/v1/individuals/${theirs.id}`)).statusCode).toBe(404);
    expect((await c.patch(`/api/v1/individuals/${mine.id}`, { servicingAgentId: other })).statusCode).toBe(
      403,
    );

    const b = await t.newAccount();
    expect((await b.admin.get(`/api/v1/individuals/${mine.id}`)).statusCode).toBe(404);
    expect((await b.admin.get(`/api/v1/individuals/${mine.id}/policies`)).statusCode).toBe(404);
    expect((await b.admin.post(`/api/v1/individuals/${mine.id}/sales-records`, {})).statusCode).toBe(404);
  });

  it('validates fields and policies, listing every problem', async () => {
    const bad = await a.admin.post('/api/v1/individuals', {
      firstName: '',
      lastName: 'X',
      zip: 'abc',
      phone: '1',
    });
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['firstName', 'phone', 'zip']);
    const ind = (await a.admin.post('/api/v1/individuals', { firstName: 'P', lastName: 'Olicy' })).json();
    const badPolicy = await a.admin.post(`/api/v1/individuals/${ind.id}/policies`, {
      carrier: '',
      product: 'X',
      premium: 'lots',
      effectiveDate: '2026-02-30x',
    });
    expect(
      badPolicy
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['carrier', 'effectiveDate', 'premium']);
    const p = (
      await a.admin.post(`/api/v1/individuals/${ind.id}/policies`, {
        carrier: 'Aetna',
        product: 'Med Supp G',
        premium: 129.5,
        status: 'active',
      })
    ).json();
    expect((await a.admin.patch(`/api/v1/policies/${p.id}`, { premium: '1,299.00' })).json().premium).toBe(
      '1299.00',
    );
    expect((await a.admin.delete(`/api/v1/policies/${p.id}`)).statusCode).toBe(204);
  });
});
