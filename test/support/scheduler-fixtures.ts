import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { type Client, PASSWORD, type TestAccount, type TestApp, unique } from './app.ts';
import { activities, activityStatuses, activityTypes } from '../../src/modules/activities/schema.ts';
import { individuals } from '../../src/modules/individuals/schema.ts';
import { salesRecords } from '../../src/modules/sales-records/schema.ts';
import { ALL_PERMISSIONS, type GroupPermissions } from '../../src/modules/users/permissions.ts';
import { appointmentBookings } from '../../src/modules/scheduler/schema.ts';
import type { WeeklyHours } from '../../src/modules/scheduler/slots.ts';

/** Test data for the scheduler's integration tests (not a test file itself). */

export const nineToFive = { start: '09:00', end: '17:00' };
export const EVERY_DAY_9_5: WeeklyHours = {
  monday: [nineToFive],
  tuesday: [nineToFive],
  wednesday: [nineToFive],
  thursday: [nineToFive],
  friday: [nineToFive],
  saturday: [nineToFive],
  sunday: [nineToFive],
};

/** The account's seeded 'Appointment' type (Appointment category) and 'Scheduled' status, or others by name. */
export async function activityDefaults(t: TestApp, accountId: string, typeName = 'Appointment') {
  const [type] = await t.deps.db
    .select()
    .from(activityTypes)
    .where(and(eq(activityTypes.accountId, accountId), eq(activityTypes.name, typeName)));
  const statuses = await t.deps.db
    .select()
    .from(activityStatuses)
    .where(eq(activityStatuses.accountId, accountId));
  return {
    activityTypeId: type!.id,
    activityStatusId: statuses.find((s) => s.name === 'Scheduled')!.id,
    closedStatusId: statuses.find((s) => s.isClosed)!.id,
  };
}

/** A user of the account (in a new security group with `permissions`), signed in. */
export async function newUser(
  t: TestApp,
  a: TestAccount,
  opts: { permissions?: GroupPermissions; firstName?: string; email?: string } = {},
): Promise<{ id: string; email: string; client: Client }> {
  const group = await a.admin.post('/api/v1/security-groups', {
    name: unique('Group '),
    permissions: opts.permissions ?? ALL_PERMISSIONS,
  });
  expect(group.statusCode, group.body).toBe(201);
  const username = unique('u');
  const email = opts.email ?? `${username}@example.test`;
  const res = await a.admin.post('/api/v1/users', {
    firstName: opts.firstName ?? 'Sam',
    lastName: 'Seller',
    email,
    username,
    securityGroupId: group.json().id,
    userType: 'agency_user',
    linkedAgentIds: [],
    accessibleAgentIds: [],
    sendLoginInfo: false,
  });
  expect(res.statusCode, res.body).toBe(201);
  const c = await t.login(username, res.json().temporaryPassword);
  await c.post('/api/v1/me/password', {
    currentPassword: res.json().temporaryPassword,
    newPassword: PASSWORD,
  });
  return { id: res.json().user.id, email, client: c };
}

/** A valid create body: every day 09:00–17:00 New York, 30-minute slots. */
export async function scheduleBody(t: TestApp, a: TestAccount, over: Record<string, unknown> = {}) {
  const { activityTypeId, activityStatusId } = await activityDefaults(t, a.accountId);
  return {
    name: 'Medicare consultations',
    slug: unique('sched-').toLowerCase(),
    timeZone: 'America/New_York',
    lengthMinutes: 30,
    weeklyHours: EVERY_DAY_9_5,
    horizonDays: 60,
    userIds: [a.adminId],
    activityTypeId,
    activityStatusId,
    ...over,
  };
}

export async function createSchedule(t: TestApp, a: TestAccount, over: Record<string, unknown> = {}) {
  const res = await a.admin.post('/api/v1/appointment-schedules', await scheduleBody(t, a, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; slug: string; userIds: string[] } & Record<string, unknown>;
}

let ipCounter = 0;
/** A new client address per call: the public routes are rate limited per IP. */
export const freshIp = () => {
  const n = ++ipCounter;
  return `10.${(process.pid >> 8) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

export const publicRequest = (
  t: TestApp,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  body?: unknown,
  ip: string = freshIp(),
) =>
  t.app.inject({
    method,
    url: `/api/public/v1${url}`,
    remoteAddress: ip,
    ...(body !== undefined ? { payload: body as object } : {}),
  });

/** The local date (YYYY-MM-DD) `days` from today in a zone. */
export const dateIn = (zone: string, days: number) =>
  DateTime.now().setZone(zone).plus({ days }).toISODate()!;

/** Open slot start times of a schedule on one New York date `days` from today. */
export async function slotsOn(t: TestApp, slug: string, days = 2, zone = 'America/New_York') {
  const d = dateIn(zone, days);
  const res = await publicRequest(t, 'GET', `/schedules/${slug}/slots?from=${d}&to=${d}&timeZone=${zone}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().slots as { start: string; end: string }[]).map((s) => s.start);
}

let bookerCounter = 0;
export const booker = (over: Record<string, unknown> = {}) => {
  const n = ++bookerCounter;
  return {
    firstName: 'Booker',
    lastName: `Number${n}x${process.pid}`,
    email: `booker${n}x${process.pid}@example.net`,
    phone: `(312) ${200 + (n % 800)}-${String(1000 + (n % 9000)).padStart(4, '0')}`,
    ...over,
  };
};

export const book = (
  t: TestApp,
  slug: string,
  start: string,
  over: Record<string, unknown> = {},
  ip?: string,
) => publicRequest(t, 'POST', `/schedules/${slug}/bookings`, { start, ...booker(over) }, ip);

/** How many rows a booking could have created in an account. */
export async function counts(t: TestApp, accountId: string) {
  const n = async (
    table: typeof salesRecords | typeof individuals | typeof activities | typeof appointmentBookings,
  ) => (await t.deps.db.select({ id: table.id }).from(table).where(eq(table.accountId, accountId))).length;
  return {
    salesRecords: await n(salesRecords),
    individuals: await n(individuals),
    activities: await n(activities),
    bookings: await n(appointmentBookings),
  };
}
