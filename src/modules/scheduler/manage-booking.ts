import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { accountIdOfToken, sha256 } from '../../lib/tokens.ts';
import { accounts } from '../accounts/schema.ts';
import { accountBasics } from '../accounts/index.ts';
import { activities, activityStatuses } from '../activities/schema.ts';
import type { RequestContext } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { queueEmail } from '../email/index.ts';
import { loadBookable } from './availability.ts';
import {
  dispatchAll,
  freeUsersAt,
  loadUser,
  lockUsers,
  manageUrlOf,
  recordUrlOf,
  systemActorFor,
} from './book-appointment.ts';
import { bookerEmail, type BookingMail, userNoticeEmail } from './booking-emails.ts';
import { type BookingAnswer, chooseUser } from './booking-rules.ts';
import { appointmentBookings, appointmentSchedules } from './schema.ts';

const notFound = () => new AppError('not_found', 'This booking link is not valid.');

/** A booking by its manage-link token (only the token's SHA-256 is stored). */
async function loadByToken(tx: DbOrTx, token: string, opts: { forUpdate?: boolean } = {}) {
  const accountId = accountIdOfToken(token);
  if (!accountId) throw notFound();
  const scope = { accountId };
  const q = tx
    .select({
      booking: appointmentBookings,
      activity: {
        id: activities.id,
        startsAt: activities.startsAt,
        endsAt: activities.endsAt,
        ownerUserId: activities.ownerUserId,
        details: activities.details,
      },
      cancelledInCrm: activityStatuses.isCancelled,
      schedule: {
        name: appointmentSchedules.name,
        slug: appointmentSchedules.slug,
        lengthMinutes: appointmentSchedules.lengthMinutes,
      },
      agencyName: accounts.name,
    })
    .from(appointmentBookings)
    .innerJoin(
      activities,
      and(
        eq(activities.accountId, appointmentBookings.accountId),
        eq(activities.id, appointmentBookings.activityId),
      ),
    )
    .innerJoin(
      activityStatuses,
      and(eq(activityStatuses.accountId, activities.accountId), eq(activityStatuses.id, activities.statusId)),
    )
    .innerJoin(
      appointmentSchedules,
      and(
        eq(appointmentSchedules.accountId, appointmentBookings.accountId),
        eq(appointmentSchedules.id, appointmentBookings.scheduleId),
      ),
    )
    .innerJoin(accounts, eq(accounts.id, appointmentBookings.accountId))
    .where(inAccount(scope, appointmentBookings, eq(appointmentBookings.tokenHash, sha256(token))));
  const [row] = opts.forUpdate ? await q.for('update', { of: [appointmentBookings, activities] }) : await q;
  if (!row) throw notFound();
  return row;
}
type Loaded = Awaited<ReturnType<typeof loadByToken>>;

const statusOf = (r: Loaded): 'booked' | 'cancelled' =>
  r.booking.status === 'cancelled' || r.cancelledInCrm ? 'cancelled' : 'booked';

async function view(tx: DbOrTx, r: Loaded, now: number) {
  const owner = r.activity.ownerUserId
    ? await loadUser(tx, r.booking.accountId, r.activity.ownerUserId)
    : null;
  const status = statusOf(r);
  return {
    id: r.booking.id,
    status,
    start: r.activity.startsAt!,
    end: r.activity.endsAt!,
    timeZone: r.booking.timeZone,
    scheduleName: r.schedule.name,
    slug: r.schedule.slug,
    agencyName: r.agencyName,
    withName: owner ? `${owner.firstName} ${owner.lastName}` : '',
    firstName: r.booking.firstName,
    lastName: r.booking.lastName,
    canChange: status === 'booked' && r.activity.startsAt!.getTime() > now,
  };
}

export async function getBooking(deps: Pick<Deps, 'db'>, opts: { token: string; now?: number }) {
  return view(deps.db, await loadByToken(deps.db, opts.token), opts.now ?? Date.now());
}

function assertChangeable(r: Loaded, now: number) {
  if (statusOf(r) === 'cancelled') throw new AppError('conflict', 'This appointment is already cancelled.');
  if (r.activity.startsAt!.getTime() <= now)
    throw new AppError(
      'rule_violation',
      'This appointment has already started; it can no longer be changed.',
    );
}

const answersOf = (r: Loaded) => (r.activity.details as { answers?: BookingAnswer[] }).answers ?? [];

function mailOf(
  deps: Pick<Deps, 'config'>,
  r: Loaded,
  token: string,
  over: Partial<BookingMail> & Pick<BookingMail, 'event' | 'user' | 'start' | 'end' | 'sequence' | 'now'>,
): BookingMail {
  const b = r.booking;
  return {
    bookingId: b.id,
    scheduleName: r.schedule.name,
    agencyName: r.agencyName,
    booker: {
      firstName: b.firstName,
      lastName: b.lastName,
      email: b.email,
      phone: b.phone,
      timeZone: b.timeZone,
    },
    answers: answersOf(r),
    manageUrl: manageUrlOf(deps, r.schedule.slug, token),
    recordUrl: recordUrlOf(
      deps,
      b.salesRecordId
        ? { kind: 'sales_record', id: b.salesRecordId }
        : { kind: 'individual', id: b.individualId! },
    ),
    ...over,
  };
}

/** The booker cancels: the Activity moves to the account's Cancelled status, which frees the slot. */
export async function cancelBooking(deps: Deps, opts: { token: string; ctx: RequestContext; now?: number }) {
  const now = opts.now ?? Date.now();
  const { out, mails } = await deps.db.transaction(async (tx) => {
    const r = await loadByToken(tx, opts.token, { forUpdate: true });
    assertChangeable(r, now);
    const scope = { accountId: r.booking.accountId };
    const [cancelled] = await tx
      .select({ id: activityStatuses.id })
      .from(activityStatuses)
      .where(
        inAccount(
          scope,
          activityStatuses,
          eq(activityStatuses.isCancelled, true),
          eq(activityStatuses.active, true),
        ),
      )
      .orderBy(asc(activityStatuses.sortOrder))
      .limit(1);
    if (!cancelled)
      throw new AppError(
        'rule_violation',
        'This agency cannot take cancellations online. Please contact them.',
      );
    const acc = await accountBasics(tx, scope);
    const actor = {
      kind: 'system' as const,
      accountId: scope.accountId,
      accountPackage: acc!.package,
      ctx: opts.ctx,
    };
    await tx
      .update(activities)
      .set({ statusId: cancelled.id, completedAt: new Date(now), updatedAt: new Date(now) })
      .where(inAccount(scope, activities, eq(activities.id, r.activity.id)));
    const sequence = r.booking.sequence + 1;
    await tx
      .update(appointmentBookings)
      .set({ status: 'cancelled', cancelledAt: new Date(now), sequence })
      .where(inAccount(scope, appointmentBookings, eq(appointmentBookings.id, r.booking.id)));
    await recordAudit(tx, actor, {
      type: 'activity.updated',
      subjectType: 'activity',
      subjectId: r.activity.id,
      data: { changes: { statusId: { from: null, to: cancelled.id } }, by: 'booker' },
    });
    await recordAudit(tx, actor, {
      type: 'appointment.cancelled',
      subjectType: 'appointment_booking',
      subjectId: r.booking.id,
      data: { activityId: r.activity.id },
    });
    const user = await loadUser(tx, scope.accountId, r.activity.ownerUserId!);
    const mail = mailOf(deps, r, opts.token, {
      event: 'cancelled',
      user,
      start: r.activity.startsAt!,
      end: r.activity.endsAt!,
      sequence,
      now: new Date(now),
    });
    const mails = [
      await queueEmail(tx, scope.accountId, bookerEmail(mail)),
      await queueEmail(tx, scope.accountId, userNoticeEmail(mail)),
    ];
    return { out: await view(tx, await loadByToken(tx, opts.token), now), mails };
  });
  await dispatchAll(deps, mails);
  return out;
}

/**
 * The booker moves the appointment to another open slot of the same schedule, under the users'
 * locks like a booking. It stays with its user when they are free then, else goes to the first
 * free user of the list. Same invitation (UID), one SEQUENCE more.
 */
export async function rescheduleBooking(
  deps: Deps,
  opts: { token: string; start: string; ctx: RequestContext; now?: number },
) {
  const now = opts.now ?? Date.now();
  const first = await loadByToken(deps.db, opts.token);
  assertChangeable(first, now);
  const scope = { accountId: first.booking.accountId };
  const b = await loadBookable(deps.db, scope, first.booking.scheduleId);
  const actor = systemActorFor(b, opts.ctx);
  const start = Date.parse(opts.start);
  const { out, mails } = await deps.db.transaction(async (tx) => {
    await lockUsers(tx, scope.accountId, [...new Set([...b.userIds, first.activity.ownerUserId!])]);
    const r = await loadByToken(tx, opts.token, { forUpdate: true });
    assertChangeable(r, now);
    const slot = await freeUsersAt(tx, b, start, { now, ignoreActivityId: r.activity.id });
    const before = {
      ownerUserId: r.activity.ownerUserId,
      startsAt: r.activity.startsAt,
      endsAt: r.activity.endsAt,
    };
    const userId = chooseUser(slot.free, r.activity.ownerUserId);
    const next = { ownerUserId: userId, startsAt: new Date(slot.start), endsAt: new Date(slot.end) };
    await tx
      .update(activities)
      .set({ ...next, updatedAt: sql`now()` as never })
      .where(inAccount(scope, activities, eq(activities.id, r.activity.id)));
    const sequence = r.booking.sequence + 1;
    await tx
      .update(appointmentBookings)
      .set({ rescheduledAt: new Date(now), sequence })
      .where(inAccount(scope, appointmentBookings, eq(appointmentBookings.id, r.booking.id)));
    await recordAudit(tx, actor, {
      type: 'activity.updated',
      subjectType: 'activity',
      subjectId: r.activity.id,
      data: {
        changes: Object.fromEntries(
          (Object.keys(next) as (keyof typeof next)[])
            .filter((k) => String(before[k]) !== String(next[k]))
            .map((k) => [k, { from: before[k], to: next[k] }]),
        ),
        by: 'booker',
      },
    });
    await recordAudit(tx, actor, {
      type: 'appointment.rescheduled',
      subjectType: 'appointment_booking',
      subjectId: r.booking.id,
      data: { activityId: r.activity.id, from: before.startsAt, to: next.startsAt, userId },
    });
    const user = await loadUser(tx, scope.accountId, userId);
    const common = { start: next.startsAt, end: next.endsAt, sequence, now: new Date(now) };
    const mail = mailOf(deps, r, opts.token, { event: 'rescheduled', user, ...common });
    const mails = [
      await queueEmail(tx, scope.accountId, bookerEmail(mail)),
      await queueEmail(tx, scope.accountId, userNoticeEmail(mail)),
    ];
    if (before.ownerUserId && before.ownerUserId !== userId) {
      const old = await loadUser(tx, scope.accountId, before.ownerUserId);
      const gone = mailOf(deps, r, opts.token, {
        event: 'cancelled',
        user: old,
        start: before.startsAt!,
        end: before.endsAt!,
        sequence,
        now: new Date(now),
      });
      mails.push(await queueEmail(tx, scope.accountId, userNoticeEmail(gone)));
    }
    return { out: await view(tx, await loadByToken(tx, opts.token), now), mails };
  });
  await dispatchAll(deps, mails);
  return out;
}
