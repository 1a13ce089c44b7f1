import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp, unique } from '../../../test/support/app.ts';
import { inAccount } from '../../db/tenant.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { appointmentBusyIntervals } from './appointments.ts';
import { createActivityInTx } from './create-activity.ts';
import { DEFAULT_ACTIVITY_STATUSES, DEFAULT_ACTIVITY_TYPES } from './defaults.ts';
import { activities, activityStatuses, activityTypes } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Setup = {
  a: TestAccount;
  types: Record<string, string>;
  statuses: Record<string, string>;
  userB: string;
  teamId: string;
  leadId: string;
};

async function setup(): Promise<Setup> {
  const a = await t.newAccount();
  const scope = { accountId: a.accountId };
  const types = Object.fromEntries(
    (await t.deps.db.select().from(activityTypes).where(inAccount(scope, activityTypes))).map((r) => [
      r.name,
      r.id,
    ]),
  );
  const statuses = Object.fromEntries(
    (await t.deps.db.select().from(activityStatuses).where(inAccount(scope, activityStatuses))).map((r) => [
      r.name,
      r.id,
    ]),
  );
  const groupId = (await a.admin.get('/api/v1/security-groups')).json().items[0].id;
  const username = unique('b');
  const res = await a.admin.post('/api/v1/users', {
    firstName: 'Bea',
    lastName: 'Booker',
    email: `${username}@example.test`,
    username,
    securityGroupId: groupId,
    sendLoginInfo: false,
  });
  expect(res.statusCode, res.body).toBe(201);
  const teamRes = await a.admin.post('/api/v1/teams', { name: 'Closers', memberIds: [] });
  expect(teamRes.statusCode, teamRes.body).toBe(201);
  const lead = await a.admin.post('/api/v1/sales-records', { firstName: 'Lee', lastName: 'Lead' });
  expect(lead.statusCode, lead.body).toBe(201);
  return {
    a,
    types,
    statuses,
    userB: res.json().user.id,
    teamId: teamRes.json().id,
    leadId: lead.json().id,
  };
}

const at = (iso: string) => new Date(iso);

async function problemsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('validation');
    return ((e as AppError).errors ?? []).map((x) => x.path).sort();
  }
  throw new Error('expected a validation error');
}

describe('default activity settings', () => {
  it('a new account gets Call, Task, Email, Appointment and the four statuses', async () => {
    const s = await setup();
    expect(Object.keys(s.types).sort()).toEqual(DEFAULT_ACTIVITY_TYPES.map((x) => x.name).sort());
    expect(Object.keys(s.statuses).sort()).toEqual(DEFAULT_ACTIVITY_STATUSES.map((x) => x.name).sort());
    const rows = await t.deps.db
      .select()
      .from(activityTypes)
      .where(inAccount({ accountId: s.a.accountId }, activityTypes));
    expect(rows.filter((r) => r.category === 'appointment').map((r) => r.name)).toEqual(['Appointment']);
    const st = await t.deps.db
      .select()
      .from(activityStatuses)
      .where(inAccount({ accountId: s.a.accountId }, activityStatuses));
    const byName = Object.fromEntries(st.map((r) => [r.name, r]));
    expect(byName.Scheduled).toMatchObject({ isClosed: false, isCancelled: false, sortOrder: 0 });
    expect(byName.Completed).toMatchObject({ isClosed: true, isCancelled: false });
    expect(byName.Cancelled).toMatchObject({ isClosed: true, isCancelled: true });
    expect(byName['No Show']).toMatchObject({ isClosed: true, isCancelled: false });
  });
});

describe('migration 0015 (defaults for accounts that existed before activities)', () => {
  it('seeds an account that has none, leaves one that has its own, and can run twice', async () => {
    const bare = await setup();
    const custom = await setup();
    for (const s of [bare, custom]) {
      const scope = { accountId: s.a.accountId };
      await t.deps.db.delete(activityTypes).where(inAccount(scope, activityTypes));
      await t.deps.db.delete(activityStatuses).where(inAccount(scope, activityStatuses));
    }
    await t.deps.db
      .insert(activityTypes)
      .values({ accountId: custom.a.accountId, id: newId(), name: 'Visit' });
    const sql = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../db/migrations/0015_seed_activity_defaults.sql'),
      'utf8',
    );
    for (let run = 0; run < 2; run++)
      for (const statement of sql.split('--> statement-breakpoint'))
        await t.deps.database.executeSql(statement);
    const names = async (accountId: string) =>
      (await t.deps.db.select().from(activityTypes).where(inAccount({ accountId }, activityTypes)))
        .sort((x, y) => x.sortOrder - y.sortOrder)
        .map((r) => [r.name, r.category]);
    expect(await names(bare.a.accountId)).toEqual(DEFAULT_ACTIVITY_TYPES.map((d) => [d.name, d.category]));
    expect(await names(custom.a.accountId)).toEqual([['Visit', null]]);
    const st = await t.deps.db
      .select()
      .from(activityStatuses)
      .where(inAccount({ accountId: bare.a.accountId }, activityStatuses));
    expect(
      st.sort((x, y) => x.sortOrder - y.sortOrder).map((r) => [r.name, r.isClosed, r.isCancelled]),
    ).toEqual(DEFAULT_ACTIVITY_STATUSES.map((d) => [d.name, d.isClosed, d.isCancelled]));
  });
});

describe('createActivityInTx', () => {
  it('inserts a booking with its details, defaulting to the first open status', async () => {
    const s = await setup();
    const row = await t.deps.db.transaction((tx) =>
      createActivityInTx(
        tx,
        { accountId: s.a.accountId },
        {
          activityTypeId: s.types.Appointment!,
          subject: '  Medicare review  ',
          ownerUserId: s.userB,
          startsAt: at('2030-03-04T15:00:00Z'),
          endsAt: at('2030-03-04T15:30:00Z'),
          salesRecordId: s.leadId,
          details: { 'Best time to call': 'mornings' },
          source: 'booking',
          scheduleId: '01900000-0000-7000-8000-000000000001',
        },
        { userId: null },
      ),
    );
    expect(row).toMatchObject({
      accountId: s.a.accountId,
      subject: 'Medicare review',
      statusId: s.statuses.Scheduled,
      ownerUserId: s.userB,
      ownerTeamId: null,
      salesRecordId: s.leadId,
      source: 'booking',
      scheduleId: '01900000-0000-7000-8000-000000000001',
      details: { 'Best time to call': 'mornings' },
      completedAt: null,
      createdByUserId: null,
    });
    expect(row.startsAt?.toISOString()).toBe('2030-03-04T15:00:00.000Z');
  });

  it('an activity created in a closed status is completed by its creator', async () => {
    const s = await setup();
    const row = await t.deps.db.transaction((tx) =>
      createActivityInTx(
        tx,
        { accountId: s.a.accountId },
        {
          activityTypeId: s.types.Call!,
          statusId: s.statuses.Completed!,
          subject: 'Called back',
          ownerTeamId: s.teamId,
          dueAt: at('2030-01-01T12:00:00Z'),
        },
        { userId: s.a.adminId },
      ),
    );
    expect(row.completedAt).toBeInstanceOf(Date);
    expect(row.completedByUserId).toBe(s.a.adminId);
    expect(row.createdByUserId).toBe(s.a.adminId);
  });

  it('lists every problem at once (shape and references) and writes nothing', async () => {
    const s = await setup();
    const other = await setup();
    const scope = { accountId: s.a.accountId };
    const paths = await problemsOf(
      t.deps.db.transaction((tx) =>
        createActivityInTx(
          tx,
          scope,
          {
            activityTypeId: other.types.Call!, // another account's type
            statusId: other.statuses.Scheduled!, // another account's status
            subject: ' ',
            ownerUserId: other.userB, // another account's user …
            ownerTeamId: other.teamId, // … and a team too: both owners
            startsAt: at('2030-01-02T10:00:00Z'),
            endsAt: at('2030-01-02T09:00:00Z'), // before the start
            salesRecordId: other.leadId,
          },
          { userId: null },
        ),
      ),
    );
    expect(paths).toEqual(
      [
        'activityTypeId',
        'statusId',
        'subject',
        'ownerTeamId', // both owners
        'ownerUserId',
        'ownerTeamId', // unknown team
        'endsAt',
        'salesRecordId',
      ].sort(),
    );
    const n = await t.deps.db.select().from(activities).where(inAccount(scope, activities));
    expect(n).toHaveLength(0);
  });

  it('an appointment needs both ends; a due time alone is refused', async () => {
    const s = await setup();
    const paths = await problemsOf(
      t.deps.db.transaction((tx) =>
        createActivityInTx(
          tx,
          { accountId: s.a.accountId },
          {
            activityTypeId: s.types.Appointment!,
            subject: 'Visit',
            ownerUserId: s.userB,
            dueAt: at('2030-01-02T10:00:00Z'),
          },
          { userId: null },
        ),
      ),
    );
    expect(paths).toEqual(['endsAt']);
  });

  it('refuses a deactivated type and an inactive owner', async () => {
    const s = await setup();
    const scope = { accountId: s.a.accountId };
    await t.deps.db
      .update(activityTypes)
      .set({ active: false })
      .where(inAccount(scope, activityTypes, eq(activityTypes.id, s.types.Task!)));
    expect((await s.a.admin.post(`/api/v1/users/${s.userB}/suspend`)).statusCode).toBe(200);
    const paths = await problemsOf(
      t.deps.db.transaction((tx) =>
        createActivityInTx(
          tx,
          scope,
          { activityTypeId: s.types.Task!, subject: 'x', ownerUserId: s.userB, dueAt: new Date() },
          { userId: null },
        ),
      ),
    );
    expect(paths).toEqual(['activityTypeId', 'ownerUserId']);
  });
});

describe('appointmentBusyIntervals', () => {
  it('returns the overlapping, non-cancelled appointments of each user, half-open', async () => {
    const s = await setup();
    const scope = { accountId: s.a.accountId };
    const admin = s.a.adminId;
    const mk = (
      owner: string,
      start: string,
      end: string | null,
      extra: { type?: string; status?: string } = {},
    ) =>
      t.deps.db.transaction((tx) =>
        createActivityInTx(
          tx,
          scope,
          {
            activityTypeId: s.types[extra.type ?? 'Appointment']!,
            statusId: s.statuses[extra.status ?? 'Scheduled']!,
            subject: `${start}`,
            ownerUserId: owner,
            startsAt: at(start),
            endsAt: end ? at(end) : null,
          },
          { userId: null },
        ),
      );
    const a1 = await mk(s.userB, '2030-05-01T13:00:00Z', '2030-05-01T13:30:00Z');
    const a2 = await mk(s.userB, '2030-05-01T09:00:00Z', '2030-05-01T10:00:00Z'); // ends exactly at `from`
    const a3 = await mk(s.userB, '2030-05-01T16:00:00Z', '2030-05-01T17:00:00Z'); // starts exactly at `to`
    const a4 = await mk(s.userB, '2030-05-01T09:30:00Z', '2030-05-01T10:15:00Z'); // straddles `from`
    const a5 = await mk(s.userB, '2030-05-01T14:00:00Z', '2030-05-01T14:30:00Z', { status: 'Cancelled' });
    const a6 = await mk(s.userB, '2030-05-01T14:30:00Z', '2030-05-01T15:00:00Z', { status: 'Completed' });
    const a7 = await mk(s.userB, '2030-05-01T15:00:00Z', '2030-05-01T15:30:00Z', { status: 'No Show' });
    const a8 = await mk(s.userB, '2030-05-01T11:00:00Z', '2030-05-01T12:00:00Z', { type: 'Call' });
    const a9 = await mk(admin, '2030-05-01T11:00:00Z', '2030-05-01T12:00:00Z');
    const a10 = await mk(s.userB, '2030-05-01T12:00:00Z', '2030-05-01T12:00:00Z'); // zero length
    // Another account's appointment at the same time is not this account's business.
    const other = await setup();
    await t.deps.db.transaction((tx) =>
      createActivityInTx(
        tx,
        { accountId: other.a.accountId },
        {
          activityTypeId: other.types.Appointment!,
          subject: 'elsewhere',
          ownerUserId: other.userB,
          startsAt: at('2030-05-01T13:00:00Z'),
          endsAt: at('2030-05-01T14:00:00Z'),
        },
        { userId: null },
      ),
    );

    const free = unique('none');
    const busy = await appointmentBusyIntervals(
      t.deps.db,
      s.a.accountId,
      [s.userB, admin, other.userB],
      at('2030-05-01T10:00:00Z'),
      at('2030-05-01T16:00:00Z'),
    );
    const ids = (u: string) => busy.get(u)!.map((i) => i.activityId);
    expect(ids(s.userB)).toEqual([a4.id, a1.id, a6.id, a7.id]);
    expect(busy.get(s.userB)![0]).toMatchObject({
      start: at('2030-05-01T09:30:00Z'),
      end: at('2030-05-01T10:15:00Z'),
    });
    expect(ids(admin)).toEqual([a9.id]);
    expect(ids(other.userB)).toEqual([]);
    expect([a2, a3, a5, a8, a10].some((x) => ids(s.userB).includes(x.id))).toBe(false);
    expect(busy.has(free)).toBe(false);

    // Cancelling frees the slot.
    await t.deps.db
      .update(activities)
      .set({ statusId: s.statuses.Cancelled! })
      .where(inAccount(scope, activities, eq(activities.id, a1.id)));
    const after = await appointmentBusyIntervals(
      t.deps.db,
      s.a.accountId,
      [s.userB],
      at('2030-05-01T13:00:00Z'),
      at('2030-05-01T13:30:00Z'),
    );
    expect(after.get(s.userB)).toEqual([]);
    // An empty or inverted range asks nothing.
    const empty = await appointmentBusyIntervals(
      t.deps.db,
      s.a.accountId,
      [s.userB],
      at('2030-05-02'),
      at('2030-05-01'),
    );
    expect(empty.get(s.userB)).toEqual([]);
  });
});
