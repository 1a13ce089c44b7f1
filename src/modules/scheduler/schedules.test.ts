import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { auditEvents } from '../audit/schema.ts';
import { ALL_PERMISSIONS, NO_PERMISSIONS } from '../users/index.ts';
import { appointmentSchedules, scheduleSlugs } from './schema.ts';
import {
  activityDefaults,
  createSchedule,
  newUser,
  scheduleBody,
} from '../../../test/support/scheduler-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const URL = '/api/v1/appointment-schedules';
const paths = (res: { json(): { errors?: { path: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.path).sort();

describe('appointment schedules', () => {
  it('creates, lists, edits (reordering the user list) and deletes a schedule, auditing each change', async () => {
    const a = await t.newAccount();
    const eric = await newUser(t, a, { firstName: 'Eric' });
    const body = await scheduleBody(t, a, {
      userIds: [a.adminId, eric.id],
      bufferBeforeMinutes: 10,
      form: {
        phoneRequired: false,
        questions: [
          { label: 'What plan do you have today?', type: 'text' },
          { label: 'Preferred language', type: 'choice', options: ['English', 'Spanish'], required: true },
        ],
      },
    });
    const created = await a.admin.post(URL, body);
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({
      name: 'Medicare consultations',
      slug: body.slug,
      publicUrl: `http://openams.test/book/${body.slug}`,
      ownerUserId: null,
      userIds: [a.adminId, eric.id],
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 0,
      minimumNoticeMinutes: 0,
      dateOverrides: [],
      daysOff: [],
      active: true,
    });
    expect(s.form.questions.map((q: { id: string }) => q.id)).toEqual([
      expect.stringMatching(/^q[\w-]+$/),
      expect.stringMatching(/^q[\w-]+$/),
    ]);
    expect((await a.admin.get(URL)).json().items.map((x: { id: string }) => x.id)).toEqual([s.id]);

    const edited = await a.admin.patch(`${URL}/${s.id}`, {
      userIds: [eric.id, a.adminId],
      daysOff: ['2026-12-25', '2026-12-24', '2026-12-25'],
      dateOverrides: [{ date: '2026-12-31', hours: [{ start: '09:00', end: '12:00' }] }],
      form: { ...s.form, questions: [s.form.questions[1]] },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      userIds: [eric.id, a.adminId],
      daysOff: ['2026-12-24', '2026-12-25'],
      form: { questions: [{ id: s.form.questions[1].id, label: 'Preferred language' }] },
    });
    expect((await a.admin.get(`${URL}/${s.id}`)).json().userIds).toEqual([eric.id, a.adminId]);

    expect((await a.admin.delete(`${URL}/${s.id}`)).statusCode).toBe(204);
    expect((await a.admin.get(`${URL}/${s.id}`)).statusCode).toBe(404);
    const audit = await t.deps.db
      .select({ type: auditEvents.type })
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, a.accountId), eq(auditEvents.subjectId, s.id)));
    expect(audit.map((e) => e.type).sort()).toEqual([
      'appointment_schedule.created',
      'appointment_schedule.deleted',
      'appointment_schedule.updated',
    ]);
  });

  it('public slugs: a format, unique across the installation, freed when changed or deleted', async () => {
    const a = await t.newAccount();
    const b = await t.newAccount();
    const bad = await a.admin.post(URL, await scheduleBody(t, a, { slug: 'Not a slug!' }));
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['slug']);
    expect((await a.admin.post(URL, await scheduleBody(t, a, { slug: '-x' }))).statusCode).toBe(400);

    const s = await createSchedule(t, a, { slug: `Eric-Smith-${a.accountId.slice(0, 8)}` });
    expect(s.slug).toBe(`eric-smith-${a.accountId.slice(0, 8)}`);
    const taken = await b.admin.post(URL, await scheduleBody(t, b, { slug: s.slug }));
    expect(taken.statusCode).toBe(409);
    expect(paths(taken)).toEqual(['slug']);
    const other = await createSchedule(t, b);
    expect((await b.admin.patch(`${URL}/${other.id}`, { slug: s.slug })).statusCode).toBe(409);

    const renamed = await a.admin.patch(`${URL}/${s.id}`, { slug: `${s.slug}-2` });
    expect(renamed.json().slug).toBe(`${s.slug}-2`);
    expect((await b.admin.patch(`${URL}/${other.id}`, { slug: s.slug })).json().slug).toBe(s.slug);
    await a.admin.delete(`${URL}/${s.id}`);
    expect(
      await t.deps.db
        .select()
        .from(scheduleSlugs)
        .where(eq(scheduleSlugs.slug, `${s.slug}-2`)),
    ).toEqual([]);
  });

  it('lists every problem of bad input and writes nothing', async () => {
    const a = await t.newAccount();
    const res = await a.admin.post(
      URL,
      await scheduleBody(t, a, {
        name: '',
        timeZone: 'Mars/Olympus',
        lengthMinutes: 0,
        horizonDays: 0,
        bufferAfterMinutes: -5,
        weeklyHours: {
          monday: [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
          tuesday: [{ start: '17:00', end: '09:00' }],
          wednesday: [{ start: '9am', end: '5pm' }],
          thursday: [],
          friday: [],
          saturday: [],
        },
        dateOverrides: [
          { date: '2026-02-30', hours: [] },
          { date: '2026-03-01', hours: [] },
          { date: '2026-03-01', hours: [] },
        ],
        userIds: [],
        form: { questions: [{ label: 'Plan', type: 'choice', options: ['A'] }] },
        colour: 'blue',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(
      [
        'bufferAfterMinutes',
        'colour',
        'dateOverrides.0.date',
        'dateOverrides.2.date',
        'form.questions.0.options',
        'horizonDays',
        'lengthMinutes',
        'name',
        'timeZone',
        'userIds',
        'weeklyHours.monday.1',
        'weeklyHours.sunday',
        'weeklyHours.tuesday.0.end',
        'weeklyHours.wednesday.0.end',
        'weeklyHours.wednesday.0.start',
      ].sort(),
    );
    const closed = await a.admin.post(
      URL,
      await scheduleBody(t, a, { activityStatusId: (await activityDefaults(t, a.accountId)).closedStatusId }),
    );
    expect(closed.statusCode).toBe(400);
    expect(paths(closed)).toEqual(['activityStatusId']);
    expect(
      await t.deps.db
        .select()
        .from(appointmentSchedules)
        .where(eq(appointmentSchedules.accountId, a.accountId)),
    ).toEqual([]);
  });

  it('another account’s schedule, user, type or status is not found', async () => {
    const a = await t.newAccount();
    const b = await t.newAccount();
    const theirs = await createSchedule(t, b);
    for (const res of [
      await a.admin.get(`${URL}/${theirs.id}`),
      await a.admin.patch(`${URL}/${theirs.id}`, { name: 'Mine' }),
      await a.admin.delete(`${URL}/${theirs.id}`),
      await a.admin.post(URL, await scheduleBody(t, a, { userIds: [b.adminId] })),
      await a.admin.post(
        URL,
        await scheduleBody(t, a, { activityTypeId: (await activityDefaults(t, b.accountId)).activityTypeId }),
      ),
      await a.admin.post(
        URL,
        await scheduleBody(t, a, {
          activityStatusId: (await activityDefaults(t, b.accountId)).activityStatusId,
        }),
      ),
    ])
      expect(res.statusCode, res.body).toBe(404);
    expect((await a.admin.get(URL)).json().items).toEqual([]);
    expect((await b.admin.get(`${URL}/${theirs.id}`)).json().name).toBe('Medicare consultations');
  });

  it('needs Manage Users and Sales Enablement (which Enhanced Records accounts do not have)', async () => {
    const a = await t.newAccount();
    const s = await createSchedule(t, a);
    const noAdmin = await newUser(t, a, {
      permissions: { ...ALL_PERMISSIONS, administrative: { manageUsers: false } },
    });
    const noSales = await newUser(t, a, {
      permissions: { ...NO_PERMISSIONS, administrative: { manageUsers: true } },
    });
    for (const u of [noAdmin, noSales]) {
      expect((await u.client.get(URL)).statusCode).toBe(403);
      expect((await u.client.patch(`${URL}/${s.id}`, { name: 'x' })).statusCode).toBe(403);
      expect((await u.client.post(URL, await scheduleBody(t, a))).statusCode).toBe(403);
      expect((await u.client.delete(`${URL}/${s.id}`)).statusCode).toBe(403);
    }
    const denied = await noSales.client.get(URL);
    expect(denied.json().missing).toEqual(['securityGroup.salesEnablement.visible']);

    const er = await t.newAccount({ package: 'enhanced_records' });
    const erAdmin = await newUser(t, er, {
      permissions: { ...NO_PERMISSIONS, administrative: { manageUsers: true } },
    });
    const ok = await erAdmin.client.post(URL, await scheduleBody(t, er));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('a personal (user-level) schedule lists its owner only, one per user', async () => {
    const a = await t.newAccount();
    const eric = await newUser(t, a);
    const mine = await a.admin.post(
      URL,
      await scheduleBody(t, a, { ownerUserId: eric.id, userIds: undefined }),
    );
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ ownerUserId: eric.id, userIds: [eric.id] });
    const second = await a.admin.post(
      URL,
      await scheduleBody(t, a, { ownerUserId: eric.id, userIds: undefined }),
    );
    expect(second.statusCode).toBe(409);
    const mixed = await a.admin.patch(`${URL}/${mine.json().id}`, { userIds: [eric.id, a.adminId] });
    expect(mixed.statusCode).toBe(400);
    expect(paths(mixed)).toEqual(['userIds']);
  });

  it('a user’s Calendar Links: the booking pages of the active schedules they are on, else none', async () => {
    const a = await t.newAccount();
    const eric = await newUser(t, a, { firstName: 'Eric' });
    const nora = await newUser(t, a, { firstName: 'Nora' });
    const links = async (id: string) => (await a.admin.get(`/api/v1/users/${id}`)).json().calendarLinks;
    expect(await links(eric.id)).toEqual([]);
    const team = await createSchedule(t, a, { name: 'Team', userIds: [a.adminId, eric.id] });
    const own = await createSchedule(t, a, { name: 'Eric’s own', ownerUserId: eric.id, userIds: undefined });
    const paused = await createSchedule(t, a, { name: 'Paused', userIds: [eric.id] });
    expect((await a.admin.patch(`${URL}/${paused.id}`, { active: false })).statusCode).toBe(200);
    expect(await links(eric.id)).toEqual([
      { scheduleId: own.id, name: 'Eric’s own', url: `http://openams.test/book/${own.slug}` },
      { scheduleId: team.id, name: 'Team', url: `http://openams.test/book/${team.slug}` },
    ]);
    expect(await links(nora.id)).toEqual([]);
    // Another account's schedule listing a same-named user never shows up.
    const b = await t.newAccount();
    await createSchedule(t, b, { name: 'Elsewhere', userIds: [b.adminId] });
    expect(await links(a.adminId)).toEqual([
      { scheduleId: team.id, name: 'Team', url: `http://openams.test/book/${team.slug}` },
    ]);
  });
});
