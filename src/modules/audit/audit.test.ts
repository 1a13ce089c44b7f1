import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  PASSWORD,
  type TestAccount,
  type TestApp,
  unique,
} from '../../../test/support/app.ts';
import { newId } from '../../lib/ids.ts';
import type { SystemActor } from '../access/index.ts';
import { purgeDeletedSalesRecords } from '../sales-records/index.ts';
import { salesRecords } from '../sales-records/schema.ts';
import { NO_PERMISSIONS } from '../users/index.ts';
import { recordAudit } from './record-audit.ts';
import { auditEvents } from './schema.ts';

let t: TestApp;
let a: TestAccount;
let other: TestAccount;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  other = await t.newAccount();
});
afterAll(() => t.close());

type Event = {
  id: string;
  type: string;
  occurredAt: string;
  subjectType: string;
  subjectId: string;
  recordType: string | null;
  recordId: string | null;
  data: Record<string, unknown>;
  actor: { id: string } | null;
  ip: string | null;
  userAgent: string | null;
};

const auditOf = async (c: Client, query: string) => c.get(`/api/v1/audit-log?${query}`);
const trail = async (id: string) =>
  (await auditOf(a.admin, `entityType=sales_record&entityId=${id}&limit=200`)).json().items as Event[];

/** A user whose group has everything a Sales user has but Manage Users. */
async function salesUser(): Promise<Client> {
  const group = (
    await a.admin.post('/api/v1/security-groups', {
      name: unique('Sales'),
      permissions: {
        ...NO_PERMISSIONS,
        salesEnablement: { visible: true },
        individual: { visible: true, edit: true },
      },
    })
  ).json().id;
  const username = unique('u');
  const res = await a.admin.post('/api/v1/users', {
    firstName: 'Sal',
    lastName: 'Es',
    email: `${username}@example.test`,
    username,
    securityGroupId: group,
    sendLoginInfo: false,
  });
  expect(res.statusCode, res.body).toBe(201);
  const c = await t.login(username, res.json().temporaryPassword);
  await c.post('/api/v1/me/password', {
    currentPassword: res.json().temporaryPassword,
    newPassword: PASSWORD,
  });
  return c;
}

describe('recordAudit', () => {
  const system = (): SystemActor => ({
    kind: 'system',
    accountId: a.accountId,
    accountPackage: 'scale',
    ctx: { ip: '203.0.113.9', userAgent: 'x'.repeat(600) },
  });

  it('writes in the change’s transaction: a rolled-back change leaves no event', async () => {
    const subjectId = newId();
    await expect(
      t.deps.db.transaction(async (tx) => {
        await recordAudit(tx, system(), {
          type: 'agent.created',
          subjectType: 'agent',
          subjectId,
          data: {},
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.deps.db.select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId))).toEqual(
      [],
    );

    await t.deps.db.transaction((tx) =>
      recordAudit(tx, system(), {
        type: 'agent.created',
        subjectType: 'agent',
        subjectId,
        data: { name: 'A' },
        record: { kind: 'individual', id: subjectId },
      }),
    );
    const [row] = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId));
    expect(row).toMatchObject({
      accountId: a.accountId,
      type: 'agent.created',
      actorUserId: null,
      actorApiKeyId: null,
      ip: '203.0.113.9',
      subjectType: 'agent',
      data: { name: 'A' },
      recordType: 'individual',
      recordId: subjectId,
    });
    expect(row!.userAgent).toHaveLength(500);
  });

  it('records the user who acted, their address and browser, from the request', async () => {
    const res = await a.admin.request({
      method: 'POST',
      url: '/api/v1/sales-records',
      payload: { firstName: 'Who', lastName: 'Did' },
      headers: { 'user-agent': 'AuditTest/1.0' },
    });
    const [created] = (await trail(res.json().id)).filter((e) => e.type === 'sales_record.created');
    expect(created).toMatchObject({ actor: { id: a.adminId }, ip: '127.0.0.1', userAgent: 'AuditTest/1.0' });
    expect(created!.data).toEqual({
      fields: expect.objectContaining({ firstName: 'Who', lastName: 'Did' }),
    });
  });
});

describe('GET /api/v1/audit-log', () => {
  it('a deleted Sales Record’s trail: who deleted it, when, what it was — and what was attached', async () => {
    const id = (
      await a.admin.post('/api/v1/sales-records', { firstName: 'Dora', lastName: 'Deleted', zip: '33101' })
    ).json().id;
    const policy = (
      await a.admin.post(`/api/v1/sales-records/${id}/policies`, { carrier: 'Aetna', product: 'Plan N' })
    ).json().id;
    expect((await a.admin.delete(`/api/v1/sales-records/${id}?acknowledgeRetention=true`)).statusCode).toBe(
      204,
    );
    expect((await a.admin.get(`/api/v1/sales-records/${id}/history`)).statusCode).toBe(404);

    const events = await trail(id);
    expect(events.map((e) => e.type)).toEqual([
      'sales_record.deleted',
      'policy.created',
      'sales_record.created',
    ]);
    expect(events[0]).toMatchObject({ actor: { id: a.adminId }, data: { name: 'Dora Deleted' } });
    expect(Date.now() - new Date(events[0]!.occurredAt).getTime()).toBeLessThan(60_000);
    expect(events[1]).toMatchObject({ subjectId: policy, recordType: 'sales_record', recordId: id });
    expect(events[2]!.data).toMatchObject({
      fields: { firstName: 'Dora', lastName: 'Deleted', zip: '33101' },
    });
  });

  it('a purged Sales Record leaves a tombstone carrying what it was, readable after the purge', async () => {
    const id = (
      await a.admin.post('/api/v1/sales-records', {
        firstName: 'Pearl',
        lastName: 'Purged',
        email: 'pearl@example.com',
        dateOfBirth: '1950-02-03',
        phone: '305-555-0100',
      })
    ).json().id;
    await a.admin.post(`/api/v1/sales-records/${id}/notes`, { body: 'Called twice' });
    await a.admin.delete(`/api/v1/sales-records/${id}?acknowledgeRetention=true`);
    const where = and(eq(salesRecords.accountId, a.accountId), eq(salesRecords.id, id));
    const deletedAt = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    await t.deps.db.update(salesRecords).set({ deletedAt }).where(where);
    expect(await purgeDeletedSalesRecords(t.deps)).toBeGreaterThanOrEqual(1);
    expect(await t.deps.db.select().from(salesRecords).where(where)).toEqual([]);

    const events = await trail(id);
    expect(events.map((e) => e.type)).toEqual([
      'sales_record.purged',
      'sales_record.deleted',
      'sales_record.note_added',
      'sales_record.created',
    ]);
    const tomb = events[0]!;
    expect(tomb.actor).toBeNull();
    expect(tomb.data.name).toBe('Pearl Purged');
    expect(tomb.data.record).toMatchObject({
      id,
      firstName: 'Pearl',
      lastName: 'Purged',
      email: 'pearl@example.com',
      dateOfBirth: '1950-02-03',
      phone: '+13055550100',
      deletedAt: deletedAt.toISOString(),
      deletedByUserId: a.adminId,
      createdByUserId: a.adminId,
    });
    expect(tomb.data.record).not.toHaveProperty('accountId');

    const purged = (await auditOf(a.admin, 'type=sales_record.purged&limit=200')).json().items as Event[];
    expect(purged.map((e) => e.subjectId)).toContain(id);
    expect(new Set(purged.map((e) => e.type))).toEqual(new Set(['sales_record.purged']));
  });

  it('pages newest first with a cursor', async () => {
    const id = (await a.admin.post('/api/v1/sales-records', { firstName: 'Pa', lastName: 'Ges' })).json().id;
    for (const body of ['1', '2', '3']) await a.admin.post(`/api/v1/sales-records/${id}/notes`, { body });
    const first = (await auditOf(a.admin, `entityType=sales_record&entityId=${id}&limit=3`)).json();
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await auditOf(a.admin, `entityType=sales_record&entityId=${id}&limit=3&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((e: Event) => e.type)).toEqual(['sales_record.created']);
    expect(second.nextCursor).toBeNull();
  });

  it('is for admins (Manage Users) only: 403 otherwise, whatever the id', async () => {
    const id = (await a.admin.post('/api/v1/sales-records', { firstName: 'No', lastName: 'Peek' })).json().id;
    const sales = await salesUser();
    const res = await auditOf(sales, `entityType=sales_record&entityId=${id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().missing, res.body).toEqual(['securityGroup.administrative.manageUsers']);
    expect((await auditOf(sales, 'type=sales_record.purged')).statusCode).toBe(403);
  });

  it('another account’s record, or an unknown one, is 404; bad queries are 400', async () => {
    const foreign = (
      await other.admin.post('/api/v1/sales-records', { firstName: 'Their', lastName: 'Lead' })
    ).json().id;
    await other.admin.delete(`/api/v1/sales-records/${foreign}?acknowledgeRetention=true`);
    expect((await auditOf(other.admin, `entityType=sales_record&entityId=${foreign}`)).statusCode).toBe(200);
    const res = await auditOf(a.admin, `entityType=sales_record&entityId=${foreign}`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await auditOf(a.admin, `entityType=sales_record&entityId=${newId()}`)).statusCode).toBe(404);
    const listed = (await auditOf(a.admin, 'limit=200')).json().items as Event[];
    expect(listed.map((e) => e.subjectId)).not.toContain(foreign);
    expect((await auditOf(a.admin, 'entityType=sales_record&entityId=nope')).statusCode).toBe(400);
    const noType = await auditOf(a.admin, `entityId=${foreign}`);
    expect(noType.statusCode).toBe(400);
    expect(noType.json().errors, noType.body).toEqual([
      { path: 'querystring.entityType', message: 'Required with entityId.' },
    ]);
  });
});
