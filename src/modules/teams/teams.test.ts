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
let salesId: string;
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  other = await t.newAccount();
  const group = (
    await a.admin.post('/api/v1/security-groups', {
      name: unique('Sales'),
      permissions: { ...NO_PERMISSIONS, salesEnablement: { visible: true } },
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
  salesId = res.json().user.id;
  sales = await t.login(username, res.json().temporaryPassword);
  await sales.post('/api/v1/me/password', {
    currentPassword: res.json().temporaryPassword,
    newPassword: PASSWORD,
  });
});
afterAll(() => t.close());

type Team = { id: string; name: string; memberIds: string[] };
const teamsOf = async (c: Client) => (await c.get('/api/v1/teams')).json().items as Team[];
const auditOf = (id: string) =>
  t.deps.db
    .select({ type: auditEvents.type, data: auditEvents.data })
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, a.accountId), eq(auditEvents.subjectId, id)));

describe('Teams', () => {
  it('create with members, rename, change members, delete — each audited', async () => {
    const name = unique('Closers');
    const res = await a.admin.post('/api/v1/teams', { name, memberIds: [a.adminId, salesId, salesId] });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await teamsOf(a.admin)).find((x) => x.id === id)).toEqual({
      id,
      name,
      memberIds: expect.arrayContaining([a.adminId, salesId]),
    });
    expect((await teamsOf(a.admin)).find((x) => x.id === id)!.memberIds).toHaveLength(2);

    expect(
      (await a.admin.patch(`/api/v1/teams/${id}`, { name: `${name}!`, memberIds: [salesId] })).statusCode,
    ).toBe(204);
    expect((await teamsOf(a.admin)).find((x) => x.id === id)).toEqual({
      id,
      name: `${name}!`,
      memberIds: [salesId],
    });
    expect((await a.admin.delete(`/api/v1/teams/${id}`)).statusCode).toBe(204);
    expect((await teamsOf(a.admin)).map((x) => x.id)).not.toContain(id);
    expect((await a.admin.delete(`/api/v1/teams/${id}`)).statusCode).toBe(404);

    const events = await auditOf(id);
    expect(events.map((e) => e.type).sort()).toEqual(['team.created', 'team.deleted', 'team.updated']);
    expect(events.find((e) => e.type === 'team.deleted')!.data).toEqual({ name: `${name}!` });
  });

  it('names are unique in the account, whatever the case (409); another account may reuse one', async () => {
    const name = unique('Dup');
    expect((await a.admin.post('/api/v1/teams', { name })).statusCode).toBe(201);
    const dup = await a.admin.post('/api/v1/teams', { name: name.toUpperCase() });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors).toEqual([{ path: 'name', message: 'Already used.' }]);
    expect((await other.admin.post('/api/v1/teams', { name })).statusCode).toBe(201);
    expect((await a.admin.post('/api/v1/teams', { name: '' })).statusCode).toBe(400);
  });

  it('members must be users of the account: another account’s user is 404 and nothing is created', async () => {
    const name = unique('Mixed');
    const res = await a.admin.post('/api/v1/teams', { name, memberIds: [a.adminId, other.adminId] });
    expect(res.statusCode).toBe(404);
    expect((await teamsOf(a.admin)).map((x) => x.name)).not.toContain(name);
  });

  it('managing teams needs Manage Users (403)', async () => {
    const id = (await a.admin.post('/api/v1/teams', { name: unique('Guarded') })).json().id;
    expect((await sales.get('/api/v1/teams')).statusCode).toBe(403);
    expect((await sales.post('/api/v1/teams', { name: unique('Mine') })).statusCode).toBe(403);
    expect((await sales.patch(`/api/v1/teams/${id}`, { name: 'Taken over' })).statusCode).toBe(403);
    expect((await sales.delete(`/api/v1/teams/${id}`)).statusCode).toBe(403);
    expect((await teamsOf(a.admin)).map((x) => x.id)).toContain(id);
  });

  it('another account’s team, or an unknown id, is 404 and unchanged', async () => {
    const name = unique('Theirs');
    const foreign = (await other.admin.post('/api/v1/teams', { name })).json().id;
    expect((await a.admin.patch(`/api/v1/teams/${foreign}`, { name: 'Ours' })).statusCode).toBe(404);
    expect((await a.admin.delete(`/api/v1/teams/${foreign}`)).statusCode).toBe(404);
    expect((await a.admin.delete(`/api/v1/teams/${newId()}`)).statusCode).toBe(404);
    expect((await teamsOf(a.admin)).map((x) => x.id)).not.toContain(foreign);
    expect((await teamsOf(other.admin)).find((x) => x.id === foreign)?.name).toBe(name);
  });
});
