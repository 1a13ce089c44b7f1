import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../../test/support/app.ts';
import { activities, activityStatuses } from '../activities/schema.ts';
import { emails } from '../email/schema.ts';
import { salesRecords } from '../sales-records/schema.ts';
import { appointmentBookings } from './schema.ts';
import {
  activityDefaults,
  book,
  booker,
  counts,
  createSchedule,
  dateIn,
  newUser,
  publicRequest,
  slotsOn,
} from '../../../test/support/scheduler-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const activityOf = async (accountId: string, bookingId: string) => {
  const [b] = await t.deps.db
    .select()
    .from(appointmentBookings)
    .where(and(eq(appointmentBookings.accountId, accountId), eq(appointmentBookings.id, bookingId)));
  const [a] = await t.deps.db
    .select()
    .from(activities)
    .where(and(eq(activities.accountId, accountId), eq(activities.id, b!.activityId)));
  return { booking: b!, activity: a! };
};

describe('booking a slot (seed 004)', () => {
  it('a new booker: a Sales Record of the default type for the first user, an Activity blocking the slot, two emails', async () => {
    const a = await t.newAccount();
    const s = await createSchedule(t, a, {
      form: {
        questions: [
          { id: 'plan', label: 'Current plan', type: 'text' },
          { id: 'medicare', label: 'On Medicare?', type: 'yes_no', required: true },
        ],
      },
    });
    const [first, second] = await slotsOn(t, s.slug);
    const page = await publicRequest(t, 'GET', `/schedules/${s.slug}`);
    expect(page.json()).toMatchObject({
      name: 'Medicare consultations',
      lengthMinutes: 30,
      agencyName: expect.any(String),
    });

    const res = await book(t, s.slug, first!, {
      firstName: 'Ruth',
      lastName: 'Baker',
      email: 'Ruth.Baker@Example.net',
      phone: '(312) 201-3344',
      answers: { plan: 'Original Medicare', medicare: true },
      timeZone: 'America/Chicago',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      timeZone: 'America/Chicago',
      scheduleName: 'Medicare consultations',
      withName: 'Account Admin',
    });
    expect(Date.parse(body.start)).toBe(Date.parse(first!));
    expect(body.start).toMatch(/-0[56]:00$/); // Chicago offset
    expect(body.manageUrl).toBe(`http://openams.test/book/${s.slug}/manage/${body.manageToken}`);

    const { booking, activity } = await activityOf(a.accountId, body.id);
    const [lead] = (await a.admin.get('/api/v1/record-types')).json().items;
    const [record] = await t.deps.db
      .select()
      .from(salesRecords)
      .where(and(eq(salesRecords.accountId, a.accountId), eq(salesRecords.id, booking.salesRecordId!)));
    expect(record).toMatchObject({
      firstName: 'Ruth',
      lastName: 'Baker',
      email: 'ruth.baker@example.net',
      phone: '+13122013344',
      recordTypeId: lead.id,
      assignedUserId: a.adminId,
    });
    const defaults = await activityDefaults(t, a.accountId);
    expect(activity).toMatchObject({
      activityTypeId: defaults.activityTypeId,
      statusId: defaults.activityStatusId,
      ownerUserId: a.adminId,
      salesRecordId: record!.id,
      source: 'booking',
      scheduleId: s.id,
    });
    expect(activity.startsAt!.getTime()).toBe(Date.parse(first!));
    expect(activity.endsAt!.getTime() - activity.startsAt!.getTime()).toBe(30 * 60_000);
    expect(activity.details).toMatchObject({
      answers: [
        { questionId: 'plan', label: 'Current plan', answer: 'Original Medicare' },
        { questionId: 'medicare', label: 'On Medicare?', answer: true },
      ],
    });
    expect(booking.matchedOn).toBeNull();
    // The one user is now busy then: the slot is gone, the next one stays.
    const after = await slotsOn(t, s.slug);
    expect(after).not.toContain(first);
    expect(after[0]).toBe(second);
    const mails = await t.deps.db.select().from(emails).where(eq(emails.accountId, a.accountId));
    expect(mails.map((m) => m.toAddress).sort()).toEqual(
      [`${a.username}@example.test`, 'ruth.baker@example.net'].sort(),
    );
    const invite = mails.find((m) => m.toAddress === 'ruth.baker@example.net')!;
    expect(invite.subject).toMatch(/^Confirmed: Medicare consultations on .* (CST|CDT)$/);
    expect(invite.attachments[0]).toMatchObject({
      filename: 'invite.ics',
      contentType: expect.stringContaining('method=REQUEST'),
    });
    expect(invite.textBody).toContain(body.manageUrl);
    const notice = mails.find((m) => m.toAddress !== 'ruth.baker@example.net')!;
    expect(notice.textBody).toContain(`http://openams.test/leads/${record!.id}`);
    expect(notice.textBody).toContain('On Medicare?: Yes');
  });

  it('goes to the first free user of the list: the same slot twice goes to the second; the list never rotates', async () => {
    const a = await t.newAccount();
    const eric = await newUser(t, a, { firstName: 'Eric' });
    const landon = await newUser(t, a, { firstName: 'Landon' });
    const s = await createSchedule(t, a, { userIds: [eric.id, landon.id] });
    const [x, y] = await slotsOn(t, s.slug);
    const owners: string[] = [];
    for (const start of [x!, x!, y!, y!]) {
      const res = await book(t, s.slug, start);
      expect(res.statusCode, res.body).toBe(201);
      owners.push((await activityOf(a.accountId, res.json().id)).activity.ownerUserId!);
    }
    expect(owners).toEqual([eric.id, landon.id, eric.id, landon.id]);
    const third = await book(t, s.slug, x!);
    expect(third.statusCode).toBe(409);
    expect(third.json().errors).toEqual([
      { path: 'start', message: 'This time was just taken. Choose another time.' },
    ]);
    expect(await slotsOn(t, s.slug)).not.toContain(x);
  });

  it('a matched Sales Record keeps its assigned user when that user is on the list and free', async () => {
    const a = await t.newAccount();
    const eric = await newUser(t, a);
    const landon = await newUser(t, a);
    const s = await createSchedule(t, a, { userIds: [eric.id, landon.id] });
    const lead = await a.admin.post('/api/v1/sales-records', {
      firstName: 'Ann',
      lastName: 'Lee',
      email: 'ann.lee@example.net',
      assignedUserId: landon.id,
    });
    const [x] = await slotsOn(t, s.slug);
    const first = await book(t, s.slug, x!, { email: 'ANN.LEE@example.net' });
    const got = await activityOf(a.accountId, first.json().id);
    expect(got.activity).toMatchObject({ ownerUserId: landon.id, salesRecordId: lead.json().id });
    // Landon is now busy at x: the next booking of the same lead at x goes to the first free user.
    const second = await book(t, s.slug, x!, { email: 'ann.lee@example.net' });
    expect((await activityOf(a.accountId, second.json().id)).activity.ownerUserId).toBe(eric.id);
    expect((await counts(t, a.accountId)).salesRecords).toBe(1);
  });

  it('Enhanced Records accounts: no Sales Records — an Individual is created, and later matched by phone', async () => {
    const a = await t.newAccount({ package: 'enhanced_records' });
    const s = await createSchedule(t, a);
    const [x, y] = await slotsOn(t, s.slug);
    const res = await book(t, s.slug, x!, { phone: '312-410-2020', firstName: 'Joe', lastName: 'Ray' });
    expect(res.statusCode, res.body).toBe(201);
    const { booking, activity } = await activityOf(a.accountId, res.json().id);
    expect(booking.salesRecordId).toBeNull();
    expect(activity.individualId).toBe(booking.individualId);
    const again = await book(t, s.slug, y!, {
      phone: '+1 312 410 2020',
      firstName: 'Someone',
      lastName: 'Else',
    });
    expect((await activityOf(a.accountId, again.json().id)).booking).toMatchObject({
      individualId: booking.individualId,
      matchedOn: 'phone',
    });
    expect(await counts(t, a.accountId)).toMatchObject({ salesRecords: 0, individuals: 1, activities: 2 });
  });

  it('a booker without a phone (when the form allows it) is matched by email, or by name', async () => {
    const a = await t.newAccount();
    const s = await createSchedule(t, a, { form: { phoneRequired: false, questions: [] } });
    const byEmail = (
      await a.admin.post('/api/v1/sales-records', {
        firstName: 'X',
        lastName: 'Y',
        email: 'nophone@example.net',
      })
    ).json();
    const byName = (
      await a.admin.post('/api/v1/sales-records', { firstName: 'Nora', lastName: 'Phoneless' })
    ).json();
    const [x, y] = await slotsOn(t, s.slug);
    const one = await book(t, s.slug, x!, { phone: null, email: 'nophone@example.net' });
    expect(one.statusCode, one.body).toBe(201);
    expect((await activityOf(a.accountId, one.json().id)).activity.salesRecordId).toBe(byEmail.id);
    const two = await book(t, s.slug, y!, { phone: '', firstName: 'nora', lastName: 'PHONELESS' });
    expect(two.statusCode, two.body).toBe(201);
    expect((await activityOf(a.accountId, two.json().id)).booking).toMatchObject({
      salesRecordId: byName.id,
      matchedOn: 'name',
      phone: null,
    });
  });

  it('an Activity Type outside the Appointment category records the booking but does not block the slot', async () => {
    const a = await t.newAccount();
    const { activityTypeId } = await activityDefaults(t, a.accountId, 'Call');
    const s = await createSchedule(t, a, { activityTypeId });
    const [x] = await slotsOn(t, s.slug);
    expect((await book(t, s.slug, x!)).statusCode).toBe(201);
    expect(await slotsOn(t, s.slug)).toContain(x);
    expect((await book(t, s.slug, x!)).statusCode).toBe(201);
  });
});

describe('matching an existing record', () => {
  type Case = {
    name: string;
    existing: { kind: 'sales_record' | 'individual'; fields: Record<string, unknown> }[];
    booker: Record<string, unknown>;
    /** Index into `existing` of the record that must be matched, or null for a new Sales Record. */
    expected: number | null;
    on?: string;
  };
  const person = {
    firstName: 'Maria',
    lastName: 'Lopez',
    email: 'maria@example.net',
    phone: '(312) 777-1000',
  };
  const cases: Case[] = [
    {
      name: 'Sales Record by email (any case)',
      existing: [
        { kind: 'sales_record', fields: { firstName: 'M', lastName: 'X', email: 'MARIA@example.net' } },
      ],
      booker: person,
      expected: 0,
      on: 'email',
    },
    {
      name: 'Sales Record by phone',
      existing: [{ kind: 'sales_record', fields: { firstName: 'M', lastName: 'X', phone: '312.777.1000' } }],
      booker: person,
      expected: 0,
      on: 'phone',
    },
    {
      name: 'Sales Record by cell',
      existing: [
        { kind: 'sales_record', fields: { firstName: 'M', lastName: 'X', cellPhone: '312-777-1000' } },
      ],
      booker: person,
      expected: 0,
      on: 'phone',
    },
    {
      name: 'Sales Record by first and last name, case-insensitive',
      existing: [{ kind: 'sales_record', fields: { firstName: 'MARIA', lastName: 'lopez' } }],
      booker: person,
      expected: 0,
      on: 'name',
    },
    {
      name: 'not by first name alone',
      existing: [{ kind: 'sales_record', fields: { firstName: 'Maria', lastName: 'Garcia' } }],
      booker: person,
      expected: null,
    },
    {
      name: 'Individual by phone',
      existing: [{ kind: 'individual', fields: { firstName: 'A', lastName: 'B', phone: '3127771000' } }],
      booker: person,
      expected: 0,
      on: 'phone',
    },
    {
      name: 'Individual by cell',
      existing: [{ kind: 'individual', fields: { firstName: 'A', lastName: 'B', cellPhone: '3127771000' } }],
      booker: person,
      expected: 0,
      on: 'phone',
    },
    {
      name: 'an Individual with the same name only is NOT matched',
      existing: [{ kind: 'individual', fields: { firstName: 'Maria', lastName: 'Lopez' } }],
      booker: person,
      expected: null,
    },
    {
      name: 'an Individual with the same email only is NOT matched',
      existing: [
        { kind: 'individual', fields: { firstName: 'Maria', lastName: 'Lopez', email: 'maria@example.net' } },
      ],
      booker: person,
      expected: null,
    },
    {
      name: 'Sales Records before Individuals',
      existing: [
        { kind: 'individual', fields: { firstName: 'A', lastName: 'B', phone: '3127771000' } },
        { kind: 'sales_record', fields: { firstName: 'Maria', lastName: 'Lopez' } },
      ],
      booker: person,
      expected: 1,
      on: 'name',
    },
    {
      name: 'several Sales Records: email beats a newer phone match, which beats a newer name match',
      existing: [
        { kind: 'sales_record', fields: { firstName: 'Q', lastName: 'Q', email: 'maria@example.net' } },
        { kind: 'sales_record', fields: { firstName: 'R', lastName: 'R', phone: '3127771000' } },
        { kind: 'sales_record', fields: { firstName: 'Maria', lastName: 'Lopez' } },
      ],
      booker: person,
      expected: 0,
      on: 'email',
    },
    {
      name: 'several name matches: the newest',
      existing: [
        { kind: 'sales_record', fields: { firstName: 'Maria', lastName: 'Lopez' } },
        { kind: 'sales_record', fields: { firstName: 'Maria', lastName: 'Lopez' } },
      ],
      booker: person,
      expected: 1,
      on: 'name',
    },
  ];

  it.each(cases)('$name', async (c) => {
    const a = await t.newAccount();
    const ids: string[] = [];
    for (const e of c.existing) {
      const res = await a.admin.post(
        e.kind === 'sales_record' ? '/api/v1/sales-records' : '/api/v1/individuals',
        e.fields,
      );
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
      await new Promise((r) => setTimeout(r, 5)); // distinct creation times
    }
    const s = await createSchedule(t, a);
    const before = await counts(t, a.accountId);
    const [x] = await slotsOn(t, s.slug);
    const res = await book(t, s.slug, x!, c.booker);
    expect(res.statusCode, res.body).toBe(201);
    const { booking, activity } = await activityOf(a.accountId, res.json().id);
    const after = await counts(t, a.accountId);
    if (c.expected === null) {
      expect(booking.matchedOn).toBeNull();
      expect(after.salesRecords).toBe(before.salesRecords + 1);
      expect(ids).not.toContain(activity.salesRecordId);
    } else {
      const want = c.existing[c.expected]!;
      expect(booking.matchedOn).toBe(c.on);
      expect(want.kind === 'sales_record' ? activity.salesRecordId : activity.individualId).toBe(
        ids[c.expected],
      );
      expect(after).toMatchObject({ salesRecords: before.salesRecords, individuals: before.individuals });
    }
  });
});

describe('bad input: a clear error and nothing created', () => {
  let a: TestAccount;
  let slug: string;
  let open: string[];
  beforeAll(async () => {
    a = await t.newAccount();
    const s = await createSchedule(t, a, {
      minimumNoticeMinutes: 60,
      horizonDays: 10,
      form: {
        questions: [
          { id: 'lang', label: 'Language', type: 'choice', options: ['English', 'Spanish'], required: true },
        ],
      },
    });
    slug = s.slug;
    open = await slotsOn(t, slug);
  });
  const expectNothing = async (res: { statusCode: number; body: string }, status: number) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.body.length).toBeGreaterThan(0);
    expect(await counts(t, a.accountId)).toEqual({
      salesRecords: 0,
      individuals: 0,
      activities: 0,
      bookings: 0,
    });
  };
  const answers = { lang: 'Spanish' };

  it('a time in the past, too soon, beyond the horizon, outside hours or off the grid', async () => {
    const d = dateIn('America/New_York', 2);
    const cases: [string, string, RegExp][] = [
      ['past', new Date(Date.now() - 3600_000).toISOString(), /already passed/],
      ['too soon', new Date(Date.now() + 10 * 60_000).toISOString(), /too soon/],
      ['beyond horizon', `${dateIn('America/New_York', 12)}T10:00:00-05:00`, /too far ahead/],
      ['outside hours', `${d}T06:00:00Z`, /outside the schedule/],
      ['off the grid', new Date(Date.parse(open[0]!) + 10 * 60_000).toISOString(), /not one of the offered/],
    ];
    for (const [, start, message] of cases) {
      const res = await book(t, slug, start, { answers });
      await expectNothing(res, 422);
      expect(res.json().detail).toMatch(message);
      expect(res.json().errors[0].path).toBe('start');
    }
  });

  it('a malformed email and phone, a missing or wrong answer, an unknown question — all listed', async () => {
    const res = await book(t, slug, open[0]!, { email: 'not-an-email', answers: { lang: 'French' } });
    await expectNothing(res, 400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['email']);
    const form = await book(t, slug, open[0]!, { phone: '123', answers: { lang: 'French', extra: 'x' } });
    await expectNothing(form, 400);
    expect(
      form
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['answers.extra', 'answers.lang', 'phone']);
    const missing = await book(t, slug, open[0]!, { phone: '' });
    await expectNothing(missing, 400);
    expect(
      missing
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['answers.lang', 'phone']);
    await expectNothing(await book(t, slug, 'tomorrow at noon', { answers }), 400);
  });

  it('an unknown or inactive schedule is not found', async () => {
    await expectNothing(await book(t, 'no-such-schedule', open[0]!, { answers }), 404);
    expect((await publicRequest(t, 'GET', '/schedules/no-such-schedule/slots')).statusCode).toBe(404);
    const other = await createSchedule(t, a, { active: false });
    await expectNothing(await book(t, other.slug, open[0]!, { answers }), 404);
    expect((await publicRequest(t, 'GET', `/schedules/${other.slug}`)).statusCode).toBe(404);
  });
});

describe('the slots endpoint', () => {
  it('renders slots with the booker’s zone offsets and refuses bad ranges and zones', async () => {
    const a = await t.newAccount();
    const s = await createSchedule(t, a);
    const d = dateIn('Asia/Kolkata', 3);
    const res = await publicRequest(
      t,
      'GET',
      `/schedules/${s.slug}/slots?from=${d}&to=${d}&timeZone=Asia/Kolkata`,
    );
    expect(res.statusCode).toBe(200);
    const slots = res.json().slots as { start: string }[];
    expect(slots.length).toBeGreaterThan(0);
    for (const x of slots) expect(x.start).toMatch(new RegExp(`^${d}T\\d\\d:\\d\\d:00\\+05:30$`));
    const bad = await publicRequest(
      t,
      'GET',
      `/schedules/${s.slug}/slots?from=2026-01-01&to=2026-06-01&timeZone=Mars/Base`,
    );
    expect(bad.statusCode).toBe(400);
    const long = await publicRequest(t, 'GET', `/schedules/${s.slug}/slots?from=2026-01-01&to=2026-06-01`);
    expect(long.statusCode).toBe(400);
    const backwards = await publicRequest(
      t,
      'GET',
      `/schedules/${s.slug}/slots?from=2026-06-02&to=2026-06-01`,
    );
    expect(backwards.statusCode).toBe(400);
  });
});

describe('cancel and reschedule by the manage link', () => {
  it('reads, moves and cancels a booking; a cancelled one frees its slot and cannot change again', async () => {
    const a = await t.newAccount();
    const s = await createSchedule(t, a);
    const [x, y] = await slotsOn(t, s.slug);
    const booked = (await book(t, s.slug, x!, { timeZone: 'Asia/Kolkata' })).json();
    const token = booked.manageToken as string;
    const view = await publicRequest(t, 'GET', `/bookings/${token}`);
    expect(view.json()).toMatchObject({
      status: 'booked',
      canChange: true,
      slug: s.slug,
      timeZone: 'Asia/Kolkata',
    });
    expect(view.json().start).toMatch(/\+05:30$/);

    const moved = await publicRequest(t, 'POST', `/bookings/${token}/reschedule`, { start: y });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(Date.parse(moved.json().start)).toBe(Date.parse(y!));
    const open = await slotsOn(t, s.slug);
    expect(open).toContain(x);
    expect(open).not.toContain(y);
    const { booking, activity } = await activityOf(a.accountId, booked.id);
    expect(activity.startsAt!.getTime()).toBe(Date.parse(y!));
    expect(booking.sequence).toBe(1);

    const cancelled = await publicRequest(t, 'DELETE', `/bookings/${token}`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', canChange: false });
    const after = await activityOf(a.accountId, booked.id);
    const [status] = await t.deps.db
      .select()
      .from(activityStatuses)
      .where(
        and(eq(activityStatuses.accountId, a.accountId), eq(activityStatuses.id, after.activity.statusId)),
      );
    expect(status!.isCancelled).toBe(true);
    expect(await slotsOn(t, s.slug)).toContain(y);
    expect((await publicRequest(t, 'DELETE', `/bookings/${token}`)).statusCode).toBe(409);
    expect((await publicRequest(t, 'POST', `/bookings/${token}/reschedule`, { start: x })).statusCode).toBe(
      409,
    );
    const mails = await t.deps.db.select().from(emails).where(eq(emails.accountId, a.accountId));
    expect(mails.map((m) => m.kind).sort()).toEqual(
      [
        'booking.booked',
        'booking.booked.notice',
        'booking.cancelled',
        'booking.cancelled.notice',
        'booking.rescheduled',
        'booking.rescheduled.notice',
      ].sort(),
    );
    expect(mails.find((m) => m.kind === 'booking.cancelled')!.attachments[0]!.content).toContain(
      'METHOD:CANCEL',
    );
  });

  it('refuses a move to a taken slot and an unknown token', async () => {
    const a = await t.newAccount();
    const s = await createSchedule(t, a);
    const [x, y] = await slotsOn(t, s.slug);
    const one = (await book(t, s.slug, x!)).json();
    await book(t, s.slug, y!);
    const res = await publicRequest(t, 'POST', `/bookings/${one.manageToken}/reschedule`, { start: y });
    expect(res.statusCode).toBe(409);
    expect((await activityOf(a.accountId, one.id)).activity.startsAt!.getTime()).toBe(Date.parse(x!));
    // Moving onto its own current slot is allowed (it does not block itself).
    expect(
      (await publicRequest(t, 'POST', `/bookings/${one.manageToken}/reschedule`, { start: x })).statusCode,
    ).toBe(200);
    const forged = `${one.manageToken.slice(0, -4)}AAAA`;
    expect((await publicRequest(t, 'GET', `/bookings/${forged}`)).statusCode).toBe(404);
    expect((await publicRequest(t, 'GET', `/bookings/${'x'.repeat(50)}`)).statusCode).toBe(404);
  });
});

describe('rate limits', () => {
  it('per booker email: the 11th attempt in an hour is refused with Retry-After and creates nothing', async () => {
    const a = await t.newAccount();
    const s = await createSchedule(t, a);
    const email = `flood${Date.now()}@example.net`;
    for (let i = 0; i < 10; i++) {
      const res = await book(t, s.slug, new Date(Date.now() - 3600_000).toISOString(), { email });
      expect(res.statusCode).toBe(422);
    }
    const [x] = await slotsOn(t, s.slug);
    const res = await book(t, s.slug, x!, { email });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json().type).toContain('rate-limited');
    expect(await counts(t, a.accountId)).toMatchObject({ salesRecords: 0, activities: 0 });
  });

  it('per IP address: more than 20 bookings a minute from one address get 429', async () => {
    const a = await t.newAccount();
    const s = await createSchedule(t, a);
    const ip = '192.0.2.77';
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push(
        (await book(t, s.slug, new Date(Date.now() - 3600_000).toISOString(), {}, ip)).statusCode,
      );
    expect(statuses.slice(0, 20).every((c) => c === 422)).toBe(true);
    expect(statuses[20]).toBe(429);
    const [x] = await slotsOn(t, s.slug);
    const blocked = await book(t, s.slug, x!, {}, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect((await book(t, s.slug, x!)).statusCode).toBe(201); // another address is not affected
    expect(booker().email).not.toBe(booker().email);
  });
});
