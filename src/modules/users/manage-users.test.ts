import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  PASSWORD,
  type TestAccount,
  type TestApp,
  unique,
  until,
} from '../../../test/support/app.ts';
import { ALL_PERMISSIONS, NO_PERMISSIONS } from './permissions.ts';
import { users } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ workers: true });
});
afterAll(() => t.close());

type Ids = { adminGroup: string; agentGroup: string; agentId: string; typeId: string };

async function setup(a: TestAccount): Promise<Ids> {
  const groups = (await a.admin.get('/api/v1/security-groups')).json().items;
  const agentGroup = (
    await a.admin.post('/api/v1/security-groups', {
      name: 'Agents',
      permissions: {
        ...NO_PERMISSIONS,
        salesEnablement: { visible: true },
        individual: { visible: true, edit: true },
      },
    })
  ).json().id;
  const agent = (
    await a.admin.post('/api/v1/agents', {
      firstName: 'Ana',
      lastName: 'Lopez',
      npn: '1234567',
      phone: '(312) 201-3344',
    })
  ).json();
  const types = (await a.admin.get('/api/v1/record-types')).json().items;
  return { adminGroup: groups[0].id, agentGroup, agentId: agent.id, typeId: types[0].id };
}

async function newUser(
  a: TestAccount,
  ids: Ids,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; username: string; client: Client }> {
  const username = unique('user');
  const res = await a.admin.post('/api/v1/users', {
    firstName: 'Uma',
    lastName: 'User',
    email: `${username}@example.test`,
    username,
    securityGroupId: ids.agentGroup,
    sendLoginInfo: false,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  const { user, temporaryPassword } = res.json();
  const temp = await t.login(username, temporaryPassword);
  expect(
    (await temp.post('/api/v1/me/password', { currentPassword: temporaryPassword, newPassword: PASSWORD }))
      .statusCode,
  ).toBe(204);
  return { id: user.id, username, client: temp };
}

describe('creating users', () => {
  it('“Save & Email Login Info” emails a temporary password the user must change at first login', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    const username = unique('new');
    const res = await a.admin.post('/api/v1/users', {
      firstName: 'Nia',
      lastName: 'New',
      email: `${username}@example.test`,
      username,
      securityGroupId: ids.agentGroup,
      linkedAgentIds: [ids.agentId],
      salesPermissions: {
        textingWindow: { start: '09:00', end: '18:00' },
        recordAccess: 'assigned',
        agentDropdownView: 'self',
        recordTypeAccess: { [ids.typeId]: { view: true, add: true } },
        flags: {
          downloadReports: true,
          viewMessagesTab: false,
          viewAllSms: false,
          viewMissedCalls: false,
          viewUnassignedRecordings: false,
        },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().temporaryPassword).toBeNull();
    expect(res.json().user).toMatchObject({
      timeZone: 'America/New_York',
      userType: 'agency_user',
      linkedAgentIds: [ids.agentId],
      mustChangePassword: true,
    });
    await until(async () =>
      (await a.admin.get('/api/v1/emails'))
        .json()
        .items.some((e: { kind: string }) => e.kind === 'login_info'),
    );
    const mail = (await a.admin.get('/api/v1/emails'))
      .json()
      .items.find((e: { kind: string }) => e.kind === 'login_info');
    const body = (await a.admin.get(`/api/v1/emails/${mail.id}`)).json().textBody as string;
    const temp = /Temporary password: (\S+)/.exec(body)![1]!;
    const login = await t.anonymous.post('/api/v1/session', { login: username, password: temp });
    expect(login.json().mustChangePassword).toBe(true);
    const me = await (await t.login(username, temp)).get('/api/v1/me');
    expect(me.json().salesPermissions.recordAccess).toBe('assigned');
    expect(me.json().tasks).toContain('sales_record.view');
    expect(me.json().tasks).not.toContain('users.manage');
  });

  it('checks every rule: Agent CRM users need accessible agents, Scale-only flags, and unknown names', async () => {
    const a = await t.newAccount({ package: 'accelerate' });
    const ids = await setup(a);
    const username = unique('crm');
    const res = await a.admin.post('/api/v1/users', {
      firstName: 'Carl',
      lastName: 'Crm',
      email: `${username}@example.test`,
      username,
      userType: 'agent_crm_user',
      securityGroupId: ids.agentGroup,
      salesPermissions: {
        textingWindow: { start: '08:00', end: '19:00' },
        recordAccess: 'all',
        agentDropdownView: 'all',
        recordTypeAccess: {},
        flags: {
          downloadReports: false,
          viewMessagesTab: false,
          viewAllSms: false,
          viewMissedCalls: true,
          viewUnassignedRecordings: false,
        },
      },
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['accessibleAgentIds', 'salesPermissions.flags.viewMissedCalls']);
    const unknown = await a.admin.post('/api/v1/security-groups', {
      name: 'X',
      permissions: { ...NO_PERMISSIONS, superpowers: { visible: true } },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ path: 'permissions.superpowers', message: 'Unknown field.' }]);
    const badFlag = await a.admin.post('/api/v1/users', {
      firstName: 'A',
      lastName: 'B',
      email: 'ab@example.test',
      username: unique('ab'),
      securityGroupId: ids.agentGroup,
      salesPermissions: { flags: { fly: true } },
    });
    expect(badFlag.statusCode).toBe(400);
    expect(badFlag.json().errors.map((e: { path: string }) => e.path)).toContain(
      'salesPermissions.flags.fly',
    );
  });

  it('a record type grid naming another account’s record type is a 404', async () => {
    const a = await t.newAccount();
    const b = await t.newAccount();
    const ids = await setup(a);
    const foreignType = (await b.admin.get('/api/v1/record-types')).json().items[0].id;
    const u = await newUser(a, ids);
    const res = await a.admin.patch(`/api/v1/users/${u.id}`, {
      salesPermissions: { ...DEFAULT_SALES(), recordTypeAccess: { [foreignType]: { view: true } } },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toBe('Record type not found.');
  });
});

const DEFAULT_SALES = () => ({
  textingWindow: { start: '08:00', end: '19:00' },
  recordAccess: 'all',
  agentDropdownView: 'all',
  recordTypeAccess: {},
  flags: {
    downloadReports: false,
    viewMessagesTab: false,
    viewAllSms: false,
    viewMissedCalls: false,
    viewUnassignedRecordings: false,
  },
});

describe('suspend, reactivate, delete', () => {
  it('suspending ends sessions at once; reactivation is refused until exactly 14 days have passed', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    const u = await newUser(a, ids);
    expect((await u.client.get('/api/v1/me')).statusCode).toBe(200);
    const s = await a.admin.post(`/api/v1/users/${u.id}/suspend`);
    expect(s.statusCode).toBe(200);
    expect(s.json().active).toBe(false);
    expect((await u.client.get('/api/v1/me')).statusCode).toBe(401);
    expect(
      (await t.anonymous.post('/api/v1/session', { login: u.username, password: PASSWORD })).statusCode,
    ).toBe(403);

    const early = await a.admin.post(`/api/v1/users/${u.id}/reactivate`);
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toContain(s.json().reactivationAllowedAt);

    const where = and(eq(users.accountId, a.accountId), eq(users.id, u.id));
    await t.deps.db
      .update(users)
      .set({ suspendedAt: sql`now() - interval '14 days' + interval '2 seconds'` as never })
      .where(where);
    expect((await a.admin.post(`/api/v1/users/${u.id}/reactivate`)).statusCode).toBe(422);
    await t.deps.db
      .update(users)
      .set({ suspendedAt: sql`now() - interval '14 days'` as never })
      .where(where);
    const ok = await a.admin.post(`/api/v1/users/${u.id}/reactivate`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ active: true, suspendedAt: null });
    await t.login(u.username, PASSWORD);
  });

  it('deleting removes the user from lists and frees the login; history stays attributed', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    const u = await newUser(a, ids);
    const team = (
      await a.admin.post('/api/v1/teams', { name: 'Closers', memberIds: [u.id, a.adminId] })
    ).json().id;
    expect((await a.admin.delete(`/api/v1/users/${u.id}`)).statusCode).toBe(204);
    expect((await u.client.get('/api/v1/me')).statusCode).toBe(401);
    expect((await a.admin.get('/api/v1/users')).json().items.map((x: { id: string }) => x.id)).not.toContain(
      u.id,
    );
    expect(
      (await a.admin.get('/api/v1/users/assignable')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(u.id);
    expect(
      (await a.admin.get('/api/v1/teams')).json().items.find((x: { id: string }) => x.id === team).memberIds,
    ).toEqual([a.adminId]);
    expect((await a.admin.get(`/api/v1/users/${u.id}`)).statusCode).toBe(404);
    const [row] = await t.deps.db
      .select()
      .from(users)
      .where(and(eq(users.accountId, a.accountId), eq(users.id, u.id)));
    expect(row!.deletedAt).not.toBeNull();
    // The username can be used again.
    expect(
      (
        await a.admin.post('/api/v1/users', {
          firstName: 'R',
          lastName: 'E',
          email: `${u.username}@example.test`,
          username: u.username,
          securityGroupId: ids.agentGroup,
          sendLoginInfo: false,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('the last user with Manage Users cannot be suspended, deleted or demoted', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    const other = await newUser(a, ids);
    const admin2 = await t.login(a.username, PASSWORD);
    // Only the first admin can manage users: they cannot lose it.
    const demote = await admin2.patch(`/api/v1/users/${a.adminId}`, { securityGroupId: ids.agentGroup });
    expect(demote.statusCode).toBe(409);
    expect(
      (
        await a.admin.patch(`/api/v1/security-groups/${ids.adminGroup}`, {
          permissions: { ...ALL_PERMISSIONS, administrative: { manageUsers: false } },
        })
      ).statusCode,
    ).toBe(409);
    // Give the other user the admin group; then the first can be suspended by them.
    expect(
      (await a.admin.patch(`/api/v1/users/${other.id}`, { securityGroupId: ids.adminGroup })).statusCode,
    ).toBe(200);
    expect((await other.client.post(`/api/v1/users/${a.adminId}/suspend`)).statusCode).toBe(200);
    expect((await other.client.delete(`/api/v1/users/${other.id}`)).statusCode).toBe(422); // not oneself
    expect(
      (await other.client.patch(`/api/v1/users/${other.id}`, { securityGroupId: ids.agentGroup })).statusCode,
    ).toBe(409);
  });
});

describe('nobody can raise their own permissions', () => {
  it('an admin of a restricted admin group cannot widen it, nor grant themselves more', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    const limitedAdmins = (
      await a.admin.post('/api/v1/security-groups', {
        name: 'Office admins',
        permissions: { ...NO_PERMISSIONS, administrative: { manageUsers: true } },
      })
    ).json().id;
    const u = await newUser(a, ids);
    await a.admin.patch(`/api/v1/users/${u.id}`, { securityGroupId: limitedAdmins });
    const raiseGroup = await u.client.patch(`/api/v1/security-groups/${limitedAdmins}`, {
      permissions: { ...NO_PERMISSIONS, administrative: { manageUsers: true }, reporting: { visible: true } },
    });
    expect(raiseGroup.statusCode).toBe(403);
    const toAdmin = await u.client.patch(`/api/v1/users/${u.id}`, { securityGroupId: ids.adminGroup });
    expect(toAdmin.statusCode).toBe(403);
    expect(toAdmin.json().errors).toEqual([
      { path: 'securityGroupId', message: 'Would raise your own permissions.' },
    ]);
    const moreSales = await u.client.patch(`/api/v1/users/${u.id}`, {
      salesPermissions: { ...DEFAULT_SALES(), recordTypeAccess: { [ids.typeId]: { view: true } } },
    });
    expect(moreSales.statusCode).toBe(403);
    // Lowering is fine, and so is raising someone else.
    expect(
      (
        await u.client.patch(`/api/v1/users/${u.id}`, {
          salesPermissions: { ...DEFAULT_SALES(), textingWindow: { start: '09:00', end: '17:00' } },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await u.client.patch(`/api/v1/security-groups/${ids.agentGroup}`, { permissions: ALL_PERMISSIONS }))
        .statusCode,
    ).toBe(204);
  });

  it('security groups list how many (not deleted) users they have', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    await newUser(a, ids);
    const gone = await newUser(a, ids);
    await a.admin.delete(`/api/v1/users/${gone.id}`);
    const groups = (await a.admin.get('/api/v1/security-groups')).json().items;
    expect(groups.find((g: { id: string }) => g.id === ids.adminGroup).userCount).toBe(1);
    expect(groups.find((g: { id: string }) => g.id === ids.agentGroup).userCount).toBe(1);
  });

  it('a change to a group applies to its users on their next request', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    const u = await newUser(a, ids);
    expect((await u.client.get('/api/v1/users')).statusCode).toBe(403);
    await a.admin.patch(`/api/v1/security-groups/${ids.agentGroup}`, {
      permissions: { ...NO_PERMISSIONS, administrative: { manageUsers: true } },
    });
    expect((await u.client.get('/api/v1/users')).statusCode).toBe(200);
  });
});

describe('access to the admin endpoints', () => {
  it('every admin endpoint refuses a user without Manage Users, naming the permission', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    const u = await newUser(a, ids);
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/v1/users'],
      [
        'POST',
        '/api/v1/users',
        {
          firstName: 'A',
          lastName: 'B',
          email: 'x@example.test',
          username: unique('x'),
          securityGroupId: ids.agentGroup,
        },
      ],
      ['GET', `/api/v1/users/${a.adminId}`],
      ['PATCH', `/api/v1/users/${a.adminId}`, { firstName: 'Hacked' }],
      ['POST', `/api/v1/users/${a.adminId}/suspend`],
      ['DELETE', `/api/v1/users/${a.adminId}`],
      ['GET', '/api/v1/security-groups'],
      ['POST', '/api/v1/security-groups', { name: 'Mine', permissions: ALL_PERMISSIONS }],
      ['PATCH', `/api/v1/security-groups/${ids.agentGroup}`, { permissions: ALL_PERMISSIONS }],
      ['GET', '/api/v1/teams'],
      ['POST', '/api/v1/teams', { name: 'T' }],
      ['GET', '/api/v1/agents'],
      ['POST', '/api/v1/agents', { firstName: 'A', lastName: 'B' }],
      ['POST', '/api/v1/record-types', { name: 'New', statuses: [{ name: 'S' }] }],
      ['PATCH', '/api/v1/account', { name: 'Mine now' }],
      ['GET', '/api/v1/api-keys'],
      ['GET', '/api/v1/emails'],
    ];
    for (const [method, url, payload] of calls) {
      const res = await u.client.request({
        method: method as 'GET',
        url,
        ...(payload ? { payload: payload as object } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().missing, `${method} ${url}`).toContain('securityGroup.administrative.manageUsers');
    }
    expect((await a.admin.get(`/api/v1/users/${a.adminId}`)).json().firstName).toBe('Account');
  });

  it('an Agent CRM user is refused Manage Users tasks even in an admin group', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    const u = await newUser(a, ids, { userType: 'agent_crm_user', accessibleAgentIds: [ids.agentId] });
    await a.admin.patch(`/api/v1/users/${u.id}`, { securityGroupId: ids.adminGroup });
    const res = await u.client.get('/api/v1/users');
    expect(res.statusCode).toBe(403);
    expect(res.json().missing).toEqual(['userType:agency_user']);
  });

  it('Agent Dropdown View “self” limits the assignable users to oneself', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    const u = await newUser(a, ids, {
      salesPermissions: {
        ...DEFAULT_SALES(),
        agentDropdownView: 'self',
        recordTypeAccess: { [ids.typeId]: { view: true } },
      },
    });
    expect(
      (await u.client.get('/api/v1/users/assignable')).json().items.map((x: { id: string }) => x.id),
    ).toEqual([u.id]);
    const all = (await a.admin.get('/api/v1/users/assignable')).json().items.map((x: { id: string }) => x.id);
    expect(all).toEqual(expect.arrayContaining([u.id, a.adminId]));
  });

  it('a feature outside the package answers “not in your package”', async () => {
    const a = await t.newAccount({ package: 'enhanced_records' });
    const res = await a.admin.get('/api/v1/users/assignable');
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toContain('not-in-package');
    expect(res.json().detail).toMatch(/Not in your package \(Enhanced Records\)/);
  });
});

describe('tenancy', () => {
  it('another account’s users, groups, teams, agents and record types are 404', async () => {
    const a = await t.newAccount();
    const b = await t.newAccount();
    const ids = await setup(b);
    const team = (await b.admin.post('/api/v1/teams', { name: 'B team' })).json().id;
    const bUser = await newUser(b, ids);
    for (const [method, url, payload] of [
      ['GET', `/api/v1/users/${bUser.id}`],
      ['PATCH', `/api/v1/users/${bUser.id}`, { firstName: 'X' }],
      ['POST', `/api/v1/users/${bUser.id}/suspend`],
      ['DELETE', `/api/v1/users/${bUser.id}`],
      ['PATCH', `/api/v1/security-groups/${ids.agentGroup}`, { name: 'X' }],
      ['DELETE', `/api/v1/security-groups/${ids.agentGroup}`],
      ['PATCH', `/api/v1/teams/${team}`, { name: 'X' }],
      ['DELETE', `/api/v1/teams/${team}`],
      ['GET', `/api/v1/agents/${ids.agentId}`],
      ['PATCH', `/api/v1/agents/${ids.agentId}`, { firstName: 'X' }],
      ['PATCH', `/api/v1/record-types/${ids.typeId}`, { name: 'X' }],
      ['DELETE', `/api/v1/record-types/${ids.typeId}`],
    ] as [string, string, unknown?][]) {
      const res = await a.admin.request({
        method: method as 'GET',
        url,
        ...(payload ? { payload: payload as object } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // A's own objects cannot point at B's.
    const aIds = await setup(a);
    expect((await a.admin.post('/api/v1/teams', { name: 'Mixed', memberIds: [bUser.id] })).statusCode).toBe(
      404,
    );
    const mixed = await a.admin.post('/api/v1/users', {
      firstName: 'M',
      lastName: 'X',
      email: 'mx@example.test',
      username: unique('mx'),
      securityGroupId: ids.agentGroup,
    });
    expect(mixed.statusCode).toBe(404);
    const agentsOfB = await a.admin.post('/api/v1/users', {
      firstName: 'M',
      lastName: 'X',
      email: 'my@example.test',
      username: unique('my'),
      securityGroupId: aIds.agentGroup,
      linkedAgentIds: [ids.agentId],
    });
    expect(agentsOfB.statusCode).toBe(404);
    expect((await b.admin.get(`/api/v1/users/${bUser.id}`)).json().firstName).toBe('Uma');
  });
});
