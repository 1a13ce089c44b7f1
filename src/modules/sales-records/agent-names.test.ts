import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../../test/support/app.ts';
import { salesGroup, signedInUser } from '../../../test/support/users.ts';

let t: TestApp;
let a: TestAccount;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
});
afterAll(() => t.close());

describe('a record names its agent', () => {
  it('a user who reaches a downline agent’s records reads that agent’s name on the list and the record', async () => {
    const downline = (
      await a.admin.post('/api/v1/agents', { firstName: 'Dana', lastName: 'Downline' })
    ).json().id as string;
    const types = (await a.admin.get('/api/v1/record-types')).json().items as { id: string }[];
    const lead = (
      await a.admin.post('/api/v1/sales-records', {
        firstName: 'Agnes',
        lastName: 'Assigned',
        assignedAgentId: downline,
      })
    ).json();
    expect(lead.assignedAgentName).toBe('Dana Downline');
    const own = (await a.admin.post('/api/v1/agents', { firstName: 'Uma', lastName: 'Upline' })).json()
      .id as string;
    // An upline agent: their own Agent Record to assign, their downline's records to read.
    const upline = await signedInUser(t, a, {
      group: await salesGroup(a),
      userType: 'agent_crm_user',
      linked: [own],
      accessible: [own, downline],
      sales: {
        agentDropdownView: 'self',
        recordTypeAccess: Object.fromEntries(types.map((x) => [x.id, { view: true }])),
      },
    });
    // The downline's agent is not one the upline may assign, so the web app cannot name it alone.
    const assignable = (await upline.client.get('/api/v1/agents/assignable')).json().items as {
      id: string;
    }[];
    expect(assignable.map((x) => x.id)).toEqual([own]);

    const list = await upline.client.get('/api/v1/sales-records');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: lead.id, assignedAgentId: downline, assignedAgentName: 'Dana Downline' }),
    ]);
    const one = await upline.client.get(`/api/v1/sales-records/${lead.id}`);
    expect(one.json().assignedAgentName).toBe('Dana Downline');
    const none = (await a.admin.post('/api/v1/sales-records', { firstName: 'No', lastName: 'Agent' })).json();
    expect(none.assignedAgentName).toBeNull();
  });
});
