import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  PASSWORD,
  type TestAccount,
  type TestApp,
  unique,
} from '../../../test/support/app.ts';
import { inAccount } from '../../db/tenant.ts';
import { auditEvents } from '../audit/schema.ts';
import { DEFAULT_SALES_PERMISSIONS } from '../access/index.ts';
import { NO_PERMISSIONS } from '../users/index.ts';
import { activities } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Lookups = { types: Record<string, string>; statuses: Record<string, string> };

async function lookups(c: Client): Promise<Lookups> {
  const types = (await c.get('/api/v1/activity-types')).json().items as { id: string; name: string }[];
  const statuses = (await c.get('/api/v1/activity-statuses')).json().items as { id: string; name: string }[];
  return {
    types: Object.fromEntries(types.map((x) => [x.name, x.id])),
    statuses: Object.fromEntries(statuses.map((x) => [x.name, x.id])),
  };
}

async function newUser(
  a: TestAccount,
  opts: {
    group: string;
    userType?: 'agency_user' | 'agent_crm_user';
    leadTypeId: string;
    accessible?: string[];
    teamIds?: string[];
    view?: { on: boolean; ids: string[] };
  },
): Promise<{ id: string; client: Client }> {
  const username = unique('u');
  const res = await a.admin.post('/api/v1/users', {
    firstName: 'Una',
    lastName: username,
    email: `${username}@example.test`,
    username,
    securityGroupId: opts.group,
    userType: opts.userType ?? 'agency_user',
    accessibleAgentIds: opts.accessible ?? [],
    teamIds: opts.teamIds ?? [],
    viewOtherUsersActivities: opts.view?.on ?? false,
    visibleUserIds: opts.view?.ids ?? [],
    salesPermissions: {
      ...DEFAULT_SALES_PERMISSIONS,
      recordTypeAccess: { [opts.leadTypeId]: { view: true, add: true, edit: true } },
    },
    sendLoginInfo: false,
  });
  expect(res.statusCode, res.body).toBe(201);
  const c = await t.login(username, res.json().temporaryPassword);
  await c.post('/api/v1/me/password', {
    currentPassword: res.json().temporaryPassword,
    newPassword: PASSWORD,
  });
  return { id: res.json().user.id, client: c };
}

const T0 = '2030-06-03T14:00:00.000Z';
const T1 = '2030-06-03T15:00:00.000Z';

/** Many activities here share T0–T1 on purpose: the overlap warning is confirmed (overlap.test.ts tests it). */
async function post(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/v1/activities', { confirmOverlap: true, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string } & Record<string, unknown>;
}

/**
 * One account with: V (the viewer: on team T, granted U2's activities), U2, U3, an Agent CRM user C
 * whose book is agent One, leads L1 (agent One) and L2 (agent Two), and one activity per way of
 * being (or not being) visible.
 */
async function world() {
  const a = await t.newAccount();
  const { types, statuses } = await lookups(a.admin);
  const leadType = (await a.admin.get('/api/v1/record-types')).json().items[0].id as string;
  const group = (
    await a.admin.post('/api/v1/security-groups', {
      name: 'Agents',
      permissions: {
        ...NO_PERMISSIONS,
        salesEnablement: { visible: true },
        individual: { visible: true, edit: true },
      },
    })
  ).json().id as string;
  const agentOne = (await a.admin.post('/api/v1/agents', { firstName: 'Agent', lastName: 'One' })).json().id;
  const agentTwo = (await a.admin.post('/api/v1/agents', { firstName: 'Agent', lastName: 'Two' })).json().id;
  const team = (await a.admin.post('/api/v1/teams', { name: 'Closers', memberIds: [] })).json().id as string;
  const u2 = await newUser(a, { group, leadTypeId: leadType });
  const u3 = await newUser(a, { group, leadTypeId: leadType });
  const v = await newUser(a, {
    group,
    leadTypeId: leadType,
    teamIds: [team],
    view: { on: true, ids: [u2.id] },
  });
  const crm = await newUser(a, {
    group,
    userType: 'agent_crm_user',
    leadTypeId: leadType,
    accessible: [agentOne],
  });
  const l1 = (
    await a.admin.post('/api/v1/sales-records', {
      firstName: 'In',
      lastName: 'Book',
      assignedAgentId: agentOne,
    })
  ).json().id;
  const l2 = (
    await a.admin.post('/api/v1/sales-records', {
      firstName: 'Out',
      lastName: 'Side',
      assignedAgentId: agentTwo,
    })
  ).json().id;
  const mk = (subject: string, extra: Record<string, unknown>) =>
    post(a.admin, { activityTypeId: types.Call, subject, startsAt: T0, endsAt: T1, ...extra });
  const acts = {
    own: await mk('own', { ownerUserId: v.id }),
    team: await mk('team', { ownerTeamId: team }),
    granted: await mk('granted', { ownerUserId: u2.id }),
    notGranted: await mk('not granted', { ownerUserId: u3.id }),
    inBook: await mk('on L1', { ownerUserId: u3.id, salesRecordId: l1 }),
    outside: await mk('on L2', { ownerUserId: u3.id, salesRecordId: l2 }),
  };
  return { a, types, statuses, leadType, group, team, u2, u3, v, crm, l1, l2, agentOne, acts };
}
type World = Awaited<ReturnType<typeof world>>;
type ActKey = keyof World['acts'];

describe('visibility (decision 009)', () => {
  let w: World;
  let other: TestAccount;
  beforeAll(async () => {
    w = await world();
    other = await t.newAccount();
  });

  const cases: { who: string; client: () => Client; sees: ActKey[]; edits: ActKey[] }[] = [
    {
      who: 'a user with a team and a granted user',
      client: () => w.v.client,
      sees: ['own', 'team', 'granted', 'inBook', 'outside'],
      edits: ['own', 'team'],
    },
    {
      who: 'the owner of the others',
      client: () => w.u3.client,
      sees: ['notGranted', 'inBook', 'outside'],
      edits: ['notGranted', 'inBook', 'outside'],
    },
    {
      who: 'an Agent CRM user (only their book’s records)',
      client: () => w.crm.client,
      sees: ['inBook'],
      edits: [],
    },
    { who: 'another account’s admin', client: () => other.admin, sees: [], edits: [] },
  ];

  for (const c of cases) {
    it(`${c.who}: reads, lists and may change exactly the expected activities`, async () => {
      const client = c.client();
      for (const key of Object.keys(w.acts) as ActKey[]) {
        const res = await client.get(`/api/v1/activities/${w.acts[key].id}`);
        expect(res.statusCode, `${key}: ${res.body}`).toBe(c.sees.includes(key) ? 200 : 404);
        if (res.statusCode === 200) expect(res.json().canEdit, key).toBe(c.edits.includes(key));
        const patch = await client.patch(`/api/v1/activities/${w.acts[key].id}`, { notes: 'x' });
        expect(patch.statusCode, `${key}: ${patch.body}`).toBe(
          c.edits.includes(key) ? 200 : c.sees.includes(key) ? 403 : 404,
        );
      }
      const list = await client.get(`/api/v1/activities?from=2030-06-03T00:00:00Z&to=2030-06-04T00:00:00Z`);
      expect(list.statusCode, list.body).toBe(200);
      const listed = (list.json().items as { subject: string }[]).map((x) => x.subject).sort();
      expect(listed).toEqual(c.sees.map((k) => w.acts[k].subject as string).sort());
    });
  }

  it('turning "View Other Users’ Activities" off hides the granted user’s activities', async () => {
    const x = await world();
    expect((await x.v.client.get(`/api/v1/activities/${x.acts.granted.id}`)).statusCode).toBe(200);
    const res = await x.a.admin.patch(`/api/v1/users/${x.v.id}`, { viewOtherUsersActivities: false });
    expect(res.statusCode, res.body).toBe(200);
    expect((await x.v.client.get(`/api/v1/activities/${x.acts.granted.id}`)).statusCode).toBe(404);
  });

  it('a record’s activities: listed for a user who can view it, 404 for one who cannot', async () => {
    const ok = await w.crm.client.get(`/api/v1/activities?salesRecordId=${w.l1}`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items.map((x: { id: string }) => x.id)).toEqual([w.acts.inBook.id]);
    expect((await w.crm.client.get(`/api/v1/activities?salesRecordId=${w.l2}`)).statusCode).toBe(404);
    expect((await other.admin.get(`/api/v1/activities?salesRecordId=${w.l1}`)).statusCode).toBe(404);
  });

  it('creating on a record outside the user’s book is 404 and writes nothing', async () => {
    const before = await t.deps.db
      .select()
      .from(activities)
      .where(inAccount({ accountId: w.a.accountId }, activities));
    const res = await w.crm.client.post('/api/v1/activities', {
      activityTypeId: w.types.Call,
      subject: 'sneaky',
      dueAt: T0,
      salesRecordId: w.l2,
    });
    expect(res.statusCode, res.body).toBe(404);
    const after = await t.deps.db
      .select()
      .from(activities)
      .where(inAccount({ accountId: w.a.accountId }, activities));
    expect(after).toHaveLength(before.length);
  });
});

describe('creating, editing, completing, deleting', () => {
  it('defaults the owner to the user and the status to the first open one; audits every change', async () => {
    const w = await world();
    const a = await post(w.v.client, {
      activityTypeId: w.types.Task,
      subject: 'Follow up',
      dueAt: '2030-06-05T16:00:00-04:00',
      salesRecordId: w.l1,
      notes: 'Ask about Part D',
    });
    expect(a).toMatchObject({
      ownerUserId: w.v.id,
      ownerTeamId: null,
      status: { name: 'Scheduled', isClosed: false },
      activityType: { name: 'Task', category: null },
      dueAt: '2030-06-05T20:00:00.000Z',
      record: { kind: 'sales_record', id: w.l1, name: 'In Book' },
      canEdit: true,
      source: 'manual',
      createdByUserId: w.v.id,
    });
    const done = await w.v.client.post(`/api/v1/activities/${a.id}/complete`, {});
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: { name: 'Completed' }, completedByUserId: w.v.id });
    expect(done.json().completedAt).not.toBeNull();
    expect((await w.v.client.post(`/api/v1/activities/${a.id}/complete`, {})).statusCode).toBe(409);
    const reopened = await w.v.client.post(`/api/v1/activities/${a.id}/reopen`, {});
    expect(reopened.json()).toMatchObject({ status: { name: 'Scheduled' }, completedAt: null });
    const noShow = await w.v.client.post(`/api/v1/activities/${a.id}/complete`, {
      statusId: w.statuses['No Show'],
    });
    expect(noShow.json()).toMatchObject({ status: { name: 'No Show' } });
    const bad = await w.v.client.post(`/api/v1/activities/${a.id}/reopen`, {
      statusId: w.statuses.Cancelled,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'statusId', message: 'Choose an open status.' }]);
    const moved = await w.v.client.patch(`/api/v1/activities/${a.id}`, {
      dueAt: null,
      startsAt: '2030-06-06T13:00:00Z',
      endsAt: '2030-06-06T13:30:00Z',
      subject: 'Call back',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      subject: 'Call back',
      dueAt: null,
      startsAt: '2030-06-06T13:00:00.000Z',
    });
    expect((await w.v.client.delete(`/api/v1/activities/${a.id}`)).statusCode).toBe(204);
    expect((await w.v.client.get(`/api/v1/activities/${a.id}`)).statusCode).toBe(404);
    const audit = await t.deps.db
      .select({ type: auditEvents.type })
      .from(auditEvents)
      .where(inAccount({ accountId: w.a.accountId }, auditEvents, eq(auditEvents.subjectId, a.id)));
    expect(audit.map((x) => x.type).sort()).toEqual(
      [
        'activity.created',
        'activity.completed',
        'activity.reopened',
        'activity.completed',
        'activity.updated',
        'activity.deleted',
      ].sort(),
    );
  });

  it('lists every problem in one 400 and writes nothing', async () => {
    const w = await world();
    const o = await t.newAccount();
    const ol = await lookups(o.admin);
    const oTeam = (await o.admin.post('/api/v1/teams', { name: 'Theirs', memberIds: [] })).json().id;
    const res = await w.a.admin.post('/api/v1/activities', {
      activityTypeId: ol.types.Call,
      statusId: ol.statuses.Scheduled,
      subject: '',
      ownerUserId: o.adminId,
      ownerTeamId: oTeam,
      startsAt: '2030-01-02T10:00:00Z',
      endsAt: '2030-01-02T09:00:00Z',
      dueAt: '2030-01-02T09:00:00Z',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(
      [
        'activityTypeId',
        'statusId',
        'subject',
        'ownerTeamId',
        'ownerUserId',
        'ownerTeamId',
        'endsAt',
        'dueAt',
      ].sort(),
    );
    const rows = await t.deps.db
      .select()
      .from(activities)
      .where(inAccount({ accountId: w.a.accountId }, activities));
    expect(rows).toHaveLength(Object.keys(w.acts).length);

    const schema = await w.a.admin.post('/api/v1/activities', {
      activityTypeId: 'nope',
      subject: 1,
      extra: true,
    });
    expect(schema.statusCode).toBe(400);
    expect((schema.json().errors as { path: string }[]).map((e) => e.path).sort()).toEqual(
      ['activityTypeId', 'extra', 'subject'].sort(),
    );
  });

  it('someone who sees but does not own an activity gets 403 on complete and delete', async () => {
    const w = await world();
    for (const r of [
      await w.v.client.post(`/api/v1/activities/${w.acts.granted.id}/complete`, {}),
      await w.v.client.delete(`/api/v1/activities/${w.acts.granted.id}`),
    ]) {
      expect(r.statusCode, r.body).toBe(403);
      expect(r.json().missing).toEqual(['activity.owner']);
    }
  });

  it('a restricted API key is refused with 403', async () => {
    const a = await t.newAccount();
    const key = (await a.admin.post('/api/v1/api-keys', { name: 'Leads', scope: 'leads' })).json().key;
    const res = await t.anonymous.request({
      method: 'GET',
      url: '/api/v1/activities/mine',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.statusCode, res.body).toBe(403);
  });
});

describe('range and My activities', () => {
  it('a range holds timed activities overlapping it and due ones inside it, in time order', async () => {
    const w = await world();
    const c = w.v.client;
    const mk = (subject: string, times: Record<string, string>) =>
      post(c, { activityTypeId: w.types.Task, subject, ...times });
    await mk('straddles start', { startsAt: '2030-07-01T23:00:00Z', endsAt: '2030-07-02T01:00:00Z' });
    await mk('ends at start', { startsAt: '2030-07-01T23:00:00Z', endsAt: '2030-07-02T00:00:00Z' });
    await mk('instant at start', { startsAt: '2030-07-02T00:00:00Z' });
    await mk('due inside', { dueAt: '2030-07-02T12:00:00Z' });
    await mk('due at end', { dueAt: '2030-07-03T00:00:00Z' });
    await mk('starts at end', { startsAt: '2030-07-03T00:00:00Z', endsAt: '2030-07-03T01:00:00Z' });
    const res = await c.get(
      `/api/v1/activities?from=2030-07-02T00:00:00Z&to=2030-07-03T00:00:00Z&ownerUserIds=${w.v.id}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((x: { subject: string }) => x.subject)).toEqual([
      'straddles start',
      'instant at start',
      'due inside',
    ]);
    const bad = await c.get('/api/v1/activities?from=2030-07-03T00:00:00Z&to=2030-07-02T00:00:00Z');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'query.to', message: 'Must be after from.' }]);
    const half = await c.get('/api/v1/activities?from=2030-07-03T00:00:00Z');
    expect(half.json().errors).toEqual([{ path: 'query.to', message: 'Give both from and to.' }]);
  });

  it('My activities: open ones of mine and my teams’, overdue first, none beyond the horizon', async () => {
    const w = await world();
    const c = w.v.client;
    const now = Date.now();
    const iso = (h: number) => new Date(now + h * 3600_000).toISOString();
    const mk = (subject: string, extra: Record<string, unknown>) =>
      post(c, { activityTypeId: w.types.Task, subject, ...extra });
    await mk('soon', { dueAt: iso(5) });
    await mk('overdue', { dueAt: iso(-30) });
    await mk('late meeting', { startsAt: iso(-3), endsAt: iso(-2) });
    await mk('in progress', { startsAt: iso(-1), endsAt: iso(1) });
    await mk('team soon', { dueAt: iso(2), ownerTeamId: w.team });
    await mk('far', { dueAt: iso(24 * 9) });
    await mk('done', { dueAt: iso(1), statusId: w.statuses.Completed });
    await mk('someone else’s', { dueAt: iso(1), ownerUserId: w.u2.id });
    const res = await c.get('/api/v1/activities/mine?days=7');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { subject: string; overdue: boolean }[];
    // The world's activities (2030) are beyond the horizon.
    expect(items.map((x) => [x.subject, x.overdue])).toEqual([
      ['overdue', true],
      ['late meeting', true],
      ['in progress', false],
      ['team soon', false],
      ['soon', false],
    ]);
  });
});

describe('a deleted Sales Record', () => {
  it('hides its activities from everyone — lists, detail, My activities, the feed — until it is restored', async () => {
    const w = await world();
    const c = w.v.client;
    const soon = new Date(Date.now() + 3600_000).toISOString();
    const mine = await post(c, {
      activityTypeId: w.types.Task,
      subject: 'call the deleted lead',
      ownerUserId: w.v.id,
      salesRecordId: w.l1,
      dueAt: soon,
    });
    const feed = (await c.post('/api/v1/me/calendar-feed')).json().url as string;
    const seen = async () => ({
      list: (await c.get(`/api/v1/activities?ownerUserIds=${w.v.id}`))
        .json()
        .items.map((x: { id: string }) => x.id),
      adminList: (await w.a.admin.get(`/api/v1/activities?ownerUserIds=${w.v.id}`))
        .json()
        .items.map((x: { id: string }) => x.id),
      detail: (await c.get(`/api/v1/activities/${mine.id}`)).statusCode,
      mine: (await c.get('/api/v1/activities/mine?days=7')).json().items.map((x: { id: string }) => x.id),
      feed: (await t.anonymous.get(new URL(feed).pathname)).body.includes('call the deleted lead'),
    });
    const before = await seen();
    expect(before.adminList).toContain(mine.id);
    expect(before).toMatchObject({ detail: 200, mine: [mine.id], feed: true });
    expect(before.list).toContain(mine.id);

    const del = await w.a.admin.delete(`/api/v1/sales-records/${w.l1}?acknowledgeRetention=true`);
    expect(del.statusCode, del.body).toBe(204);
    const during = await seen();
    expect(during.adminList).not.toContain(mine.id);
    expect(during.list).not.toContain(mine.id);
    expect(during).toMatchObject({ detail: 404, mine: [], feed: false });

    const restored = await w.a.admin.post(`/api/v1/sales-records/${w.l1}/restore`);
    expect(restored.statusCode, restored.body).toBeLessThan(300);
    expect(await seen()).toEqual(before);
  });
});

describe('Activity Types and Statuses settings', () => {
  it('an admin adds, renames, reorders, recategorises and deactivates; others get 403', async () => {
    const w = await world();
    const admin = w.a.admin;
    const created = await admin.post('/api/v1/activity-types', {
      name: 'Home visit',
      category: 'appointment',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Home visit',
      category: 'appointment',
      sortOrder: 4,
      active: true,
    });
    const id = created.json().id;
    expect((await admin.post('/api/v1/activity-types', { name: 'home VISIT' })).statusCode).toBe(409);
    const renamed = await admin.patch(`/api/v1/activity-types/${id}`, { name: 'Visit', category: null });
    expect(renamed.json()).toMatchObject({ name: 'Visit', category: null });
    const all = (await admin.get('/api/v1/activity-types')).json().items.map((x: { id: string }) => x.id);
    const order = await admin.request({
      method: 'PUT',
      url: '/api/v1/activity-types/order',
      payload: { ids: [id, ...all.filter((x: string) => x !== id)] },
    });
    expect(order.statusCode, order.body).toBe(200);
    expect(order.json().items[0]).toMatchObject({ id, sortOrder: 0 });
    const partial = await admin.request({
      method: 'PUT',
      url: '/api/v1/activity-types/order',
      payload: { ids: [id] },
    });
    expect(partial.statusCode).toBe(400);
    expect((await admin.patch(`/api/v1/activity-types/${id}`, { active: false })).json().active).toBe(false);
    // A deactivated type is not offered for new activities.
    const res = await admin.post('/api/v1/activities', { activityTypeId: id, subject: 'x', dueAt: T0 });
    expect(res.json().errors).toEqual([
      { path: 'activityTypeId', message: 'This activity type is deactivated.' },
    ]);

    // Users without Manage Users: 403, naming what is missing.
    const denied = await w.v.client.post('/api/v1/activity-types', { name: 'Mine' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().missing).toContain('securityGroup.administrative.manageUsers');
    const cat = await w.v.client.patch(`/api/v1/activity-types/${w.types.Call}`, { category: 'appointment' });
    expect(cat.statusCode).toBe(403);
    // … but they read the lists (their forms need them).
    expect((await w.v.client.get('/api/v1/activity-types')).statusCode).toBe(200);
    // Another account's type: 404.
    const o = await t.newAccount();
    expect((await o.admin.patch(`/api/v1/activity-types/${id}`, { name: 'Mine now' })).statusCode).toBe(404);
  });

  it('statuses: a cancelling status is closed; the last open or completing status stays active', async () => {
    const w = await world();
    const admin = w.a.admin;
    const bad = await admin.post('/api/v1/activity-statuses', { name: 'Void', isCancelled: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { path: 'isClosed', message: 'Must be true when isCancelled is true.' },
    ]);
    const ok = await admin.post('/api/v1/activity-statuses', {
      name: 'Void',
      isClosed: true,
      isCancelled: true,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const last = await admin.patch(`/api/v1/activity-statuses/${w.statuses.Scheduled}`, { active: false });
    expect(last.statusCode).toBe(422);
    // No Show is closed and not a cancellation, so Completed may become one…
    const c1 = await admin.patch(`/api/v1/activity-statuses/${w.statuses.Completed}`, { isCancelled: true });
    expect(c1.statusCode, c1.body).toBe(200);
    // … but then No Show is the last way to complete an activity: it stays active.
    const c2 = await admin.patch(`/api/v1/activity-statuses/${w.statuses['No Show']}`, { active: false });
    expect(c2.statusCode).toBe(422);
    expect(c2.json().detail).toMatch(/closed status that is not a cancellation/);
  });
});

describe('the ICS feed', () => {
  it('serves the user’s own activities over a private URL; rotate and revoke turn the old one into 404', async () => {
    const w = await world();
    const c = w.v.client;
    expect((await c.get('/api/v1/me/calendar-feed')).json()).toMatchObject({ active: false });
    const created = await c.post('/api/v1/me/calendar-feed');
    expect(created.statusCode, created.body).toBe(201);
    const url = new URL(created.json().url as string);
    expect(url.pathname).toMatch(/^\/api\/public\/v1\/calendar\/[A-Za-z0-9_-]{60,}\.ics$/);
    const soon = new Date(Date.now() + 2 * 86_400_000);
    soon.setUTCMinutes(0, 0, 0);
    const end = new Date(soon.getTime() + 45 * 60_000);
    await post(c, {
      activityTypeId: w.types.Appointment,
      subject: 'Review, plan; and \\ sign',
      startsAt: soon.toISOString(),
      endsAt: end.toISOString(),
      salesRecordId: w.l1,
      notes: 'Line one\nLine two',
    });
    await post(c, {
      activityTypeId: w.types.Task,
      subject: 'Ancient',
      dueAt: new Date(Date.now() - 90 * 86_400_000).toISOString(),
    });
    await post(c, {
      activityTypeId: w.types.Task,
      subject: 'Not mine',
      dueAt: soon.toISOString(),
      ownerUserId: w.u2.id,
    });

    const feed = await t.anonymous.get(url.pathname);
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const cal = new ICAL.Component(ICAL.parse(feed.body));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(['Review, plan; and \\ sign']);
    const [e] = events;
    expect(e!.startDate.toJSDate().getTime()).toBe(soon.getTime());
    expect(e!.endDate.toJSDate().getTime()).toBe(end.getTime());
    expect(e!.description).toBe('Appointment · Scheduled\nSales Record: In Book\nLine one\nLine two');
    expect(e!.uid).toMatch(/@openams\.test$/);
    expect(e!.component.getFirstPropertyValue('url')).toBe(`http://openams.test/leads/${w.l1}`);
    expect((await c.get('/api/v1/me/calendar-feed')).json().lastUsedAt).not.toBeNull();

    const rotated = await c.post('/api/v1/me/calendar-feed');
    const url2 = new URL(rotated.json().url as string);
    expect(url2.pathname).not.toBe(url.pathname);
    expect((await t.anonymous.get(url.pathname)).statusCode).toBe(404);
    expect((await t.anonymous.get(url2.pathname)).statusCode).toBe(200);
    expect((await c.delete('/api/v1/me/calendar-feed')).statusCode).toBe(204);
    expect((await t.anonymous.get(url2.pathname)).statusCode).toBe(404);
    expect((await c.delete('/api/v1/me/calendar-feed')).statusCode).toBe(404);
    // Unknown, malformed, and another account's id with a random secret: all 404.
    for (const bad of [
      'nope',
      'A'.repeat(60),
      `${url2.pathname.split('/').pop()!.slice(0, 22)}${'B'.repeat(43)}`,
    ]) {
      const res = await t.anonymous.get(`/api/public/v1/calendar/${bad.replace(/\.ics$/, '')}.ics`);
      expect(res.statusCode, bad).toBe(404);
    }
    // The API itself still needs a session.
    expect((await t.anonymous.get('/api/v1/me/calendar-feed')).statusCode).toBe(401);
  });

  it('a suspended user’s feed answers 404', async () => {
    const w = await world();
    const url = new URL((await w.u3.client.post('/api/v1/me/calendar-feed')).json().url as string);
    expect((await t.anonymous.get(url.pathname)).statusCode).toBe(200);
    expect((await w.a.admin.post(`/api/v1/users/${w.u3.id}/suspend`)).statusCode).toBe(200);
    expect((await t.anonymous.get(url.pathname)).statusCode).toBe(404);
  });
});
