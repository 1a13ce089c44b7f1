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
    // The user's teams come from the teams module (the userTeams slot, decision 042).
    expect((await a.admin.get(`/api/v1/users/${u.id}`)).json().teamIds).toEqual([team]);
    const listed = (await a.admin.get('/api/v1/users')).json().items;
    expect(listed.find((x: { id: string }) => x.id === u.id).teamNames).toEqual(['Closers']);
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
    // Lowering is fine; raising someone else only up to what one holds (see "nobody grants…").
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
    ).toBe(403);
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

describe('nobody grants, directly or through another user, what they do not hold', () => {
  /** A manager whose group has Manage Users and nothing else, and a "Nothing" group below it. */
  async function limitedManager(a: TestAccount, ids: Ids) {
    const officeAdmins = (
      await a.admin.post('/api/v1/security-groups', {
        name: 'Office admins',
        permissions: { ...NO_PERMISSIONS, administrative: { manageUsers: true } },
      })
    ).json().id as string;
    const nothing = (
      await a.admin.post('/api/v1/security-groups', { name: 'Nothing', permissions: NO_PERMISSIONS })
    ).json().id as string;
    const m = await newUser(a, ids);
    expect((await a.admin.patch(`/api/v1/users/${m.id}`, { securityGroupId: officeAdmins })).statusCode).toBe(
      200,
    );
    return { m, officeAdmins, nothing };
  }

  function expectRefused(
    res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
    path: string,
  ) {
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json() as { errors: unknown; missing: unknown };
    expect(body.errors).toEqual([{ path, message: 'Beyond your own permissions.' }]);
    expect(body.missing).toEqual(['notBeyondOwnPermissions']);
  }

  const groupOf = async (a: TestAccount, id: string) =>
    (await a.admin.get(`/api/v1/users/${id}`)).json().securityGroup.id as string;

  it('creating a user in a group above one’s own, or with more sales permissions, is refused and creates nobody', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    const { m, officeAdmins } = await limitedManager(a, ids);
    const person = (username: string, extra: object) => ({
      firstName: 'Eve',
      lastName: 'Escalate',
      email: `${username}@example.test`,
      username,
      sendLoginInfo: false,
      ...extra,
    });
    const intoAdmins = unique('eve');
    const res = await m.client.post('/api/v1/users', person(intoAdmins, { securityGroupId: ids.adminGroup }));
    expectRefused(res, 'securityGroupId');
    expect(res.json().temporaryPassword).toBeUndefined();
    const intoAgents = unique('eve');
    expectRefused(
      await m.client.post('/api/v1/users', person(intoAgents, { securityGroupId: ids.agentGroup })),
      'securityGroupId',
    );
    const withSales = unique('eve');
    expectRefused(
      await m.client.post(
        '/api/v1/users',
        person(withSales, {
          securityGroupId: officeAdmins,
          salesPermissions: { ...DEFAULT_SALES(), recordTypeAccess: { [ids.typeId]: { view: true } } },
        }),
      ),
      'salesPermissions',
    );
    for (const username of [intoAdmins, intoAgents, withSales]) {
      expect((await a.admin.get(`/api/v1/users?q=${username}`)).json().items).toEqual([]);
    }
    // Up to one's own level is fine.
    const peer = await m.client.post(
      '/api/v1/users',
      person(unique('peer'), { securityGroupId: officeAdmins }),
    );
    expect(peer.statusCode, peer.body).toBe(201);
  });

  it('moving another user into a group above one’s own is refused and leaves them where they were', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    const { m, officeAdmins, nothing } = await limitedManager(a, ids);
    const v = await newUser(a, ids, { securityGroupId: nothing });
    expectRefused(
      await m.client.patch(`/api/v1/users/${v.id}`, { securityGroupId: ids.adminGroup }),
      'securityGroupId',
    );
    expectRefused(
      await m.client.patch(`/api/v1/users/${v.id}`, { securityGroupId: ids.agentGroup }),
      'securityGroupId',
    );
    expect(await groupOf(a, v.id)).toBe(nothing);
    expect(
      (await m.client.patch(`/api/v1/users/${v.id}`, { securityGroupId: officeAdmins })).statusCode,
    ).toBe(200);
    expect(await groupOf(a, v.id)).toBe(officeAdmins);
  });

  it('editing or creating a group with permissions beyond one’s own is refused and changes nothing', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    const { m, nothing } = await limitedManager(a, ids);
    const groups = async () =>
      Object.fromEntries(
        (
          (await a.admin.get('/api/v1/security-groups')).json().items as {
            id: string;
            name: string;
            permissions: unknown;
          }[]
        ).map((g) => [g.name, g.permissions]),
      );
    const before = await groups();
    expectRefused(
      await m.client.patch(`/api/v1/security-groups/${nothing}`, {
        permissions: { ...NO_PERMISSIONS, reporting: { visible: true } },
      }),
      'permissions',
    );
    expectRefused(
      await m.client.post('/api/v1/security-groups', { name: 'Mine', permissions: ALL_PERMISSIONS }),
      'permissions',
    );
    // A group above one's own cannot be touched at all (not even lowered: that would demote its users).
    expectRefused(
      await m.client.patch(`/api/v1/security-groups/${ids.agentGroup}`, { permissions: NO_PERMISSIONS }),
      'id',
    );
    expectRefused(
      await m.client.patch(`/api/v1/security-groups/${ids.adminGroup}`, { name: 'Former admins' }),
      'id',
    );
    expect(await groups()).toEqual(before);
    expect(
      (
        await m.client.patch(`/api/v1/security-groups/${nothing}`, {
          permissions: { ...NO_PERMISSIONS, administrative: { manageUsers: true } },
        })
      ).statusCode,
    ).toBe(204);
  });

  it('a user above one’s own level cannot be edited (e.g. their email, to reset their password), suspended or deleted', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    const { m } = await limitedManager(a, ids);
    const admin = async () => (await a.admin.get(`/api/v1/users/${a.adminId}`)).json();
    const before = await admin();
    expectRefused(await m.client.patch(`/api/v1/users/${a.adminId}`, { email: 'mine@example.test' }), 'id');
    expectRefused(await m.client.post(`/api/v1/users/${a.adminId}/suspend`), 'id');
    expectRefused(await m.client.delete(`/api/v1/users/${a.adminId}`), 'id');
    const after = await admin();
    expect(after.email).toBe(before.email);
    expect(after.active).toBe(true);
    expect(after.securityGroup.id).toBe(ids.adminGroup);
  });

  it('sales permissions given to another user are bounded by one’s own, except what they already had', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    const { m, nothing } = await limitedManager(a, ids);
    const v = await newUser(a, ids, { securityGroupId: nothing });
    const withView = { ...DEFAULT_SALES(), recordTypeAccess: { [ids.typeId]: { view: true } } };
    expectRefused(
      await m.client.patch(`/api/v1/users/${v.id}`, { salesPermissions: withView }),
      'salesPermissions',
    );
    expect((await a.admin.get(`/api/v1/users/${v.id}`)).json().salesPermissions.recordTypeAccess).toEqual({});
    // Granted by the admin, the manager may keep it while editing something else, but not add more.
    expect((await a.admin.patch(`/api/v1/users/${v.id}`, { salesPermissions: withView })).statusCode).toBe(
      200,
    );
    expect(
      (await m.client.patch(`/api/v1/users/${v.id}`, { firstName: 'Vera', salesPermissions: withView }))
        .statusCode,
    ).toBe(200);
    expectRefused(
      await m.client.patch(`/api/v1/users/${v.id}`, {
        salesPermissions: { ...withView, flags: { ...DEFAULT_SALES().flags, downloadReports: true } },
      }),
      'salesPermissions',
    );
  });

  it('a user of the Administrators group can still do all of it', async () => {
    const a = await t.newAccount();
    const ids = await setup(a);
    const { m, nothing } = await limitedManager(a, ids);
    const username = unique('boss');
    const created = await a.admin.post('/api/v1/users', {
      firstName: 'Bo',
      lastName: 'Boss',
      email: `${username}@example.test`,
      username,
      securityGroupId: ids.adminGroup,
      sendLoginInfo: false,
      salesPermissions: { ...DEFAULT_SALES(), recordTypeAccess: { [ids.typeId]: { view: true, add: true } } },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(typeof created.json().temporaryPassword).toBe('string');
    expect(
      (await a.admin.patch(`/api/v1/users/${m.id}`, { securityGroupId: ids.adminGroup })).statusCode,
    ).toBe(200);
    expect(
      (await a.admin.patch(`/api/v1/security-groups/${nothing}`, { permissions: ALL_PERMISSIONS }))
        .statusCode,
    ).toBe(204);
    expect(
      (await a.admin.post('/api/v1/security-groups', { name: 'All', permissions: ALL_PERMISSIONS }))
        .statusCode,
    ).toBe(201);
    expect((await a.admin.post(`/api/v1/users/${m.id}/suspend`)).statusCode).toBe(200);
  });
});

describe('the last manager holds under concurrency', () => {
  /** Two managers (the first admin and a second one in the same group) and a group without Manage Users. */
  async function twoManagers() {
    const a = await t.newAccount();
    const ids = await setup(a);
    const second = await newUser(a, ids);
    expect(
      (await a.admin.patch(`/api/v1/users/${second.id}`, { securityGroupId: ids.adminGroup })).statusCode,
    ).toBe(200);
    // On PostgreSQL, widen the window between a transaction's check and its commit: the audit event
    // written after the check takes 0.5 s for this account, so the two transactions are certainly
    // in flight together when each counts the managers left. (Without the guard's lock both then
    // commit; PGlite runs one transaction at a time anyway.)
    if (t.deps.database.kind === 'postgres') {
      await t.deps.db.execute(
        sql.raw(`create or replace function test_slow_insert() returns trigger language plpgsql as $$
          begin perform pg_sleep(0.5); return new; end $$`),
      );
      await t.deps.db.execute(
        sql.raw(`create trigger "slow_${a.accountId}" before insert on audit_events for each row
          when (new.account_id = '${a.accountId}') execute function test_slow_insert()`),
      );
    }
    return { a, ids, second };
  }

  it('two managers suspending each other at the same time: exactly one succeeds', async () => {
    const { a, second } = await twoManagers();
    const results = await Promise.all([
      a.admin.post(`/api/v1/users/${second.id}/suspend`),
      second.client.post(`/api/v1/users/${a.adminId}/suspend`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.statusCode === 409)!;
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    const left = await t.deps.db.execute(
      sql`select count(*)::int as n from users u join security_groups g on g.account_id = u.account_id and g.id = u.security_group_id where u.account_id = ${a.accountId} and u.active and (g.permissions -> 'administrative' ->> 'manageUsers')::boolean`,
    );
    expect((left as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });

  it('two managers moving each other to a group without Manage Users at the same time: exactly one succeeds', async () => {
    const { a, ids, second } = await twoManagers();
    const results = await Promise.all([
      a.admin.patch(`/api/v1/users/${second.id}`, { securityGroupId: ids.agentGroup }),
      second.client.patch(`/api/v1/users/${a.adminId}`, { securityGroupId: ids.agentGroup }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = await t.deps.db
      .select({ id: users.id, groupId: users.securityGroupId })
      .from(users)
      .where(
        and(
          eq(users.accountId, a.accountId),
          eq(users.securityGroupId, ids.adminGroup),
          eq(users.active, true),
        ),
      );
    expect(rows).toHaveLength(1);
  });
});
