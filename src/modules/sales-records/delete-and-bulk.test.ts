import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  PASSWORD,
  type TestAccount,
  type TestApp,
  unique,
} from '../../../test/support/app.ts';
import { auditEvents } from '../audit/schema.ts';
import { DEFAULT_SALES_PERMISSIONS } from '../access/index.ts';
import { NO_PERMISSIONS } from '../users/index.ts';
import { isRecoverable, purgeDeletedSalesRecords, RECOVERY_WINDOW_MS } from './delete-sales-record.ts';
import { salesRecordNotes, salesRecords } from './schema.ts';

/** Written out, not the code's constant: a test that reads the constant cannot catch it changing. */
const THIRTY_DAYS = 30 * 24 * 3600 * 1000;

let t: TestApp;
let a: TestAccount;
let lead: { id: string; statuses: { id: string; name: string }[] };
let renewal: { id: string; statuses: { id: string }[] };
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  [lead, renewal] = (await a.admin.get('/api/v1/record-types')).json().items;
});
afterAll(() => t.close());

const create = async (body: Record<string, unknown> = {}) =>
  (
    await a.admin.post('/api/v1/sales-records', { firstName: 'Del', lastName: unique('Rec'), ...body })
  ).json() as { id: string };

async function agentWithout(bit: 'delete' | 'edit') {
  const g = (
    await a.admin.post('/api/v1/security-groups', {
      name: unique('G'),
      permissions: { ...NO_PERMISSIONS, salesEnablement: { visible: true } },
    })
  ).json().id;
  const username = unique('u');
  const bits = { view: true, add: true, edit: bit !== 'edit', delete: bit !== 'delete' };
  const res = await a.admin.post('/api/v1/users', {
    firstName: 'No',
    lastName: bit,
    email: `${username}@example.test`,
    username,
    securityGroupId: g,
    salesPermissions: { ...DEFAULT_SALES_PERMISSIONS, recordTypeAccess: { [lead.id]: bits } },
    sendLoginInfo: false,
  });
  const c = await t.login(username, res.json().temporaryPassword);
  await c.post('/api/v1/me/password', {
    currentPassword: res.json().temporaryPassword,
    newPassword: PASSWORD,
  });
  return c;
}

describe('deleting Sales Records', () => {
  it('needs Delete on the type and an acknowledgement of the 10-year retention duty', async () => {
    const r = await create();
    const noDelete = await agentWithout('delete');
    const refused = await noDelete.delete(`/api/v1/sales-records/${r.id}?acknowledgeRetention=true`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().missing).toEqual(['salesPermissions.recordTypeAccess.delete']);
    const unconfirmed = await a.admin.delete(`/api/v1/sales-records/${r.id}`);
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.json().detail).toMatch(/10 years/);
    expect((await a.admin.get(`/api/v1/sales-records/${r.id}`)).statusCode).toBe(200);
    expect((await a.admin.delete(`/api/v1/sales-records/${r.id}?acknowledgeRetention=true`)).statusCode).toBe(
      204,
    );
    expect((await a.admin.get(`/api/v1/sales-records/${r.id}`)).statusCode).toBe(404);
    expect(
      (await a.admin.get('/api/v1/sales-records')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(r.id);
    const [event] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, r.id), eq(auditEvents.type, 'sales_record.deleted')));
    expect(event!.actorUserId).toBe(a.adminId);
  });

  it('an admin restores within 30 days; after that it is gone and the purge job removes it', async () => {
    const r = await create();
    await a.admin.post(`/api/v1/sales-records/${r.id}/notes`, { body: 'A note that goes with it' });
    await a.admin.delete(`/api/v1/sales-records/${r.id}?acknowledgeRetention=true`);
    const deleted = (await a.admin.get('/api/v1/sales-records/deleted'))
      .json()
      .items.find((x: { id: string }) => x.id === r.id);
    expect(new Date(deleted.recoverableUntil).getTime() - new Date(deleted.deletedAt).getTime()).toBe(
      THIRTY_DAYS,
    );
    expect((await a.admin.post(`/api/v1/sales-records/${r.id}/restore`)).statusCode).toBe(204);
    expect((await a.admin.get(`/api/v1/sales-records/${r.id}`)).statusCode).toBe(200);

    await a.admin.delete(`/api/v1/sales-records/${r.id}?acknowledgeRetention=true`);
    const where = and(eq(salesRecords.accountId, a.accountId), eq(salesRecords.id, r.id));
    await t.deps.db
      .update(salesRecords)
      .set({ deletedAt: new Date(Date.now() - THIRTY_DAYS - 1000) })
      .where(where);
    expect((await a.admin.post(`/api/v1/sales-records/${r.id}/restore`)).statusCode).toBe(410);
    expect(await purgeDeletedSalesRecords(t.deps)).toBeGreaterThanOrEqual(1);
    expect(await t.deps.db.select().from(salesRecords).where(where)).toHaveLength(0);
    expect(
      await t.deps.db.select().from(salesRecordNotes).where(eq(salesRecordNotes.salesRecordId, r.id)),
    ).toHaveLength(0);
    const trail = await t.deps.db
      .select({ type: auditEvents.type })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, r.id));
    expect(trail.map((e) => e.type)).toEqual(
      expect.arrayContaining(['sales_record.deleted', 'sales_record.restored', 'sales_record.purged']),
    );
  });

  it('the recovery window is 30 days to the millisecond', () => {
    const d = new Date('2026-03-01T12:00:00Z');
    expect(isRecoverable(d, new Date('2026-03-31T11:59:59.999Z'))).toBe(true);
    expect(isRecoverable(d, new Date('2026-03-31T12:00:00.000Z'))).toBe(false);
    expect(RECOVERY_WINDOW_MS).toBe(THIRTY_DAYS);
  });

  it('only admins list and restore deleted records', async () => {
    const agent = await agentWithout('edit');
    expect((await agent.get('/api/v1/sales-records/deleted')).statusCode).toBe(403);
  });
});

describe('bulk assign and change status', () => {
  it('changes every selected record and audits each', async () => {
    const r1 = await create();
    const r2 = await create();
    const agent = (await a.admin.post('/api/v1/agents', { firstName: 'Bulk', lastName: 'Agent' })).json().id;
    const quoted = lead.statuses.find((s) => s.name === 'Quoted')!.id;
    const res = await a.admin.post('/api/v1/sales-records/bulk', {
      ids: [r1.id, r2.id],
      assignedAgentId: agent,
      statusId: quoted,
    });
    expect(res.json()).toEqual({ updated: 2 });
    for (const id of [r1.id, r2.id])
      expect((await a.admin.get(`/api/v1/sales-records/${id}`)).json()).toMatchObject({
        assignedAgentId: agent,
        statusId: quoted,
      });
    const history = (await a.admin.get(`/api/v1/sales-records/${r1.id}/history`)).json().items;
    expect(history.at(-1).type).toBe('sales_record.bulk_updated');
  });

  it('is all or nothing: a status of another type, or a record one may not edit, changes nothing', async () => {
    const r1 = await create();
    const r2 = await create({ recordTypeId: renewal.id });
    const quoted = lead.statuses.find((s) => s.name === 'Quoted')!.id;
    const mixed = await a.admin.post('/api/v1/sales-records/bulk', { ids: [r1.id, r2.id], statusId: quoted });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().errors).toEqual([{ path: 'ids.1', message: 'Different record type.' }]);
    expect((await a.admin.get(`/api/v1/sales-records/${r1.id}`)).json().statusId).toBe(lead.statuses[0]!.id);
    const viewer = await agentWithout('edit');
    expect(
      (await viewer.post('/api/v1/sales-records/bulk', { ids: [r1.id], statusId: quoted })).statusCode,
    ).toBe(403);
    expect((await a.admin.post('/api/v1/sales-records/bulk', { ids: [r1.id] })).statusCode).toBe(400);
    const other = await t.newAccount();
    const foreign = (
      await other.admin.post('/api/v1/sales-records', { firstName: 'F', lastName: 'F' })
    ).json().id;
    expect(
      (await a.admin.post('/api/v1/sales-records/bulk', { ids: [r1.id, foreign], statusId: quoted }))
        .statusCode,
    ).toBe(404);
    expect((await a.admin.get(`/api/v1/sales-records/${r1.id}`)).json().statusId).toBe(lead.statuses[0]!.id);
  });
});
