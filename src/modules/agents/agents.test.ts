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
import { auditEvents } from '../audit/schema.ts';
import { NO_PERMISSIONS } from '../users/index.ts';

let t: TestApp;
let a: TestAccount;
let other: TestAccount;
let sales: Client;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  other = await t.newAccount();
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
  sales = await t.login(username, res.json().temporaryPassword);
  await sales.post('/api/v1/me/password', {
    currentPassword: res.json().temporaryPassword,
    newPassword: PASSWORD,
  });
});
afterAll(() => t.close());

const auditOf = (id: string) =>
  t.deps.db
    .select({ type: auditEvents.type, actorUserId: auditEvents.actorUserId, data: auditEvents.data })
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, a.accountId), eq(auditEvents.subjectId, id)));

describe('Agent Records', () => {
  it('create, read, list, search and update, each change audited', async () => {
    const res = await a.admin.post('/api/v1/agents', {
      firstName: 'Ava',
      lastName: unique('Agent'),
      npn: '1234567',
      email: 'Ava@Example.com',
      phone: '(305) 555-0199',
    });
    expect(res.statusCode, res.body).toBe(201);
    const agent = res.json();
    expect(agent).toMatchObject({
      firstName: 'Ava',
      npn: '1234567',
      email: 'ava@example.com',
      phone: '+13055550199',
      active: true,
    });
    expect((await a.admin.get(`/api/v1/agents/${agent.id}`)).json()).toEqual(agent);
    const byNpn = (await a.admin.get('/api/v1/agents?q=1234567')).json().items;
    expect(byNpn.map((x: { id: string }) => x.id)).toEqual([agent.id]);

    const patched = await a.admin.patch(`/api/v1/agents/${agent.id}`, { active: false, npn: null });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ active: false, npn: null });
    const active = (await a.admin.get('/api/v1/agents?active=true')).json().items;
    expect(active.map((x: { id: string }) => x.id)).not.toContain(agent.id);

    const events = await auditOf(agent.id);
    expect(events.map((e) => e.type).sort()).toEqual(['agent.created', 'agent.updated']);
    expect(events.find((e) => e.type === 'agent.updated')).toMatchObject({
      actorUserId: a.adminId,
      data: { changes: { active: { from: true, to: false }, npn: { from: '1234567', to: null } } },
    });
  });

  it('an unchanged patch writes no audit event', async () => {
    const id = (await a.admin.post('/api/v1/agents', { firstName: 'Same', lastName: 'Same' })).json().id;
    expect((await a.admin.patch(`/api/v1/agents/${id}`, { firstName: 'Same' })).statusCode).toBe(200);
    expect((await auditOf(id)).map((e) => e.type)).toEqual(['agent.created']);
  });

  it('refuses bad input, listing every problem', async () => {
    const res = await a.admin.post('/api/v1/agents', {
      firstName: '',
      lastName: 'X',
      npn: '12ab',
      email: 'no',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['email', 'firstName', 'npn']);
  });

  it('managing agents needs Manage Users (403); picking one needs only to see records', async () => {
    const id = (await a.admin.post('/api/v1/agents', { firstName: 'Pick', lastName: unique('Me') })).json()
      .id;
    expect((await sales.get('/api/v1/agents')).statusCode).toBe(403);
    expect((await sales.get(`/api/v1/agents/${id}`)).statusCode).toBe(403);
    expect((await sales.post('/api/v1/agents', { firstName: 'No', lastName: 'Way' })).statusCode).toBe(403);
    expect((await sales.patch(`/api/v1/agents/${id}`, { active: false })).statusCode).toBe(403);
    expect((await a.admin.get(`/api/v1/agents/${id}`)).json().active).toBe(true);
    const assignable = await sales.get('/api/v1/agents/assignable');
    expect(assignable.statusCode).toBe(200);
    expect(assignable.json().items.map((x: { id: string }) => x.id)).toContain(id);
  });

  it('another account’s agent, or an unknown id, is 404 and unchanged; lists never show it', async () => {
    const foreign = (
      await other.admin.post('/api/v1/agents', { firstName: 'Their', lastName: 'Agent' })
    ).json().id;
    expect((await a.admin.get(`/api/v1/agents/${foreign}`)).statusCode).toBe(404);
    expect((await a.admin.patch(`/api/v1/agents/${foreign}`, { firstName: 'Mine' })).statusCode).toBe(404);
    expect((await a.admin.get(`/api/v1/agents/${newId()}`)).statusCode).toBe(404);
    expect((await other.admin.get(`/api/v1/agents/${foreign}`)).json().firstName).toBe('Their');
    const mine = (await a.admin.get('/api/v1/agents')).json().items.map((x: { id: string }) => x.id);
    expect(mine).not.toContain(foreign);
    const assignable = (await a.admin.get('/api/v1/agents/assignable')).json().items;
    expect(assignable.map((x: { id: string }) => x.id)).not.toContain(foreign);
  });
});
