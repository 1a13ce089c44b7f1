import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import { AppError } from '../../lib/errors.ts';
import { accounts } from '../accounts/schema.ts';
import { activityTypes } from '../activities/schema.ts';
import { users } from '../users/schema.ts';
import type { AccountScope } from '../access/index.ts';
import { appointmentBusyIntervals } from '../activities/index.ts';
import { appointmentSchedules, appointmentScheduleUsers, scheduleSlugs } from './schema.ts';
import type { Hours, SlotRules, SlotUser } from './slots.ts';

export type ScheduleRow = typeof appointmentSchedules.$inferSelect;
export type Bookable = {
  schedule: ScheduleRow;
  account: {
    id: string;
    name: string;
    package: (typeof accounts.$inferSelect)['package'];
    settings: (typeof accounts.$inferSelect)['settings'];
  };
  /** The schedule's users who can take appointments (active, not deleted), in list order. */
  userIds: string[];
  /** 'appointment' when the schedule's Activity Type blocks time. */
  activityTypeCategory: string | null;
};

const unavailable = () =>
  new AppError('not_found', 'This booking page does not exist or is no longer available.');

const typeJoin = and(
  eq(activityTypes.accountId, appointmentSchedules.accountId),
  eq(activityTypes.id, appointmentSchedules.activityTypeId),
);

const accountColumns = {
  id: accounts.id,
  name: accounts.name,
  package: accounts.package,
  settings: accounts.settings,
};

/** An active schedule with its account and bookable users; 404 for an unknown or inactive one. */
export async function loadBookable(db: DbOrTx, scope: AccountScope, scheduleId: string): Promise<Bookable> {
  const [row] = await db
    .select({
      schedule: appointmentSchedules,
      account: accountColumns,
      activityTypeCategory: activityTypes.category,
    })
    .from(appointmentSchedules)
    .innerJoin(accounts, eq(accounts.id, appointmentSchedules.accountId))
    .innerJoin(activityTypes, typeJoin)
    .where(inAccount(scope, appointmentSchedules, eq(appointmentSchedules.id, scheduleId)));
  if (!row || !row.schedule.active) throw unavailable();
  return { ...row, userIds: await bookableUsers(db, scope, scheduleId) };
}

/** The same, by public slug, in one query for the schedule and one for its users. */
export async function loadBookableBySlug(db: DbOrTx, slug: string): Promise<Bookable> {
  const [row] = await db
    .select({
      schedule: appointmentSchedules,
      account: accountColumns,
      activityTypeCategory: activityTypes.category,
    })
    .from(scheduleSlugs)
    .innerJoin(
      appointmentSchedules,
      and(
        eq(appointmentSchedules.accountId, scheduleSlugs.accountId),
        eq(appointmentSchedules.id, scheduleSlugs.scheduleId),
      ),
    )
    .innerJoin(accounts, eq(accounts.id, scheduleSlugs.accountId))
    .innerJoin(activityTypes, typeJoin)
    .where(eq(scheduleSlugs.slug, slug.toLowerCase()));
  if (!row || !row.schedule.active) throw unavailable();
  return { ...row, userIds: await bookableUsers(db, { accountId: row.account.id }, row.schedule.id) };
}

async function bookableUsers(db: DbOrTx, scope: AccountScope, scheduleId: string): Promise<string[]> {
  const list = await db
    .select({ userId: appointmentScheduleUsers.userId })
    .from(appointmentScheduleUsers)
    .innerJoin(
      users,
      and(
        eq(users.accountId, appointmentScheduleUsers.accountId),
        eq(users.id, appointmentScheduleUsers.userId),
      ),
    )
    .where(
      inAccount(
        scope,
        appointmentScheduleUsers,
        eq(appointmentScheduleUsers.scheduleId, scheduleId),
        eq(users.active, true),
        isNull(users.deletedAt),
      ),
    )
    .orderBy(asc(appointmentScheduleUsers.position));
  return list.map((u) => u.userId);
}

export const rulesOf = (s: ScheduleRow): SlotRules => ({
  timeZone: s.timeZone,
  weeklyHours: s.weeklyHours,
  dateOverrides: s.dateOverrides,
  daysOff: s.daysOff,
  lengthMinutes: s.lengthMinutes,
  bufferBeforeMinutes: s.bufferBeforeMinutes,
  bufferAfterMinutes: s.bufferAfterMinutes,
  minimumNoticeMinutes: s.minimumNoticeMinutes,
  horizonDays: s.horizonDays,
});

/**
 * Everything the slot functions need about the users for slots starting in [from, to): each
 * user's own hours (their personal schedule, when they have one) and their appointments, fetched
 * over the window widened by the slot length and buffers. `ignoreActivityId`: a booking being
 * moved does not block itself.
 */
export async function slotUsers(
  tx: DbOrTx,
  b: Bookable,
  from: number,
  to: number,
  opts: { ignoreActivityId?: string } = {},
): Promise<SlotUser[]> {
  const s = b.schedule;
  const reach = (s.lengthMinutes + s.bufferBeforeMinutes + s.bufferAfterMinutes) * 60_000;
  const [busy, personal] = await Promise.all([
    appointmentBusyIntervals(tx, s.accountId, b.userIds, new Date(from - reach), new Date(to + reach)),
    b.userIds.length
      ? tx
          .select()
          .from(appointmentSchedules)
          .where(
            inAccount(
              { accountId: s.accountId },
              appointmentSchedules,
              isNotNull(appointmentSchedules.ownerUserId),
              inArray(appointmentSchedules.ownerUserId, b.userIds),
            ),
          )
      : Promise.resolve([]),
  ]);
  return b.userIds.map((userId) => {
    const own = personal.find((p) => p.ownerUserId === userId);
    const hours: Hours | null =
      own && own.id !== s.id
        ? {
            timeZone: own.timeZone,
            weeklyHours: own.weeklyHours,
            dateOverrides: own.dateOverrides,
            daysOff: own.daysOff,
          }
        : null;
    return {
      userId,
      hours,
      busy: (busy.get(userId) ?? [])
        .filter((i) => i.activityId !== opts.ignoreActivityId)
        .map((i) => ({ start: i.start.getTime(), end: i.end.getTime() })),
    };
  });
}
