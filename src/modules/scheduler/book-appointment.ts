import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { Email, PersonName, TimeZone } from '../../lib/fields.ts';
import { newId } from '../../lib/ids.ts';
import { mintAccountToken, sha256 } from '../../lib/tokens.ts';
import { userProfile } from '../users/index.ts';
import { FEATURE_PACKAGES, type RequestContext, type SystemActor } from '../access/index.ts';
import { createActivityInTx } from '../activities/index.ts';
import { recordAudit } from '../audit/index.ts';
import { assertNotThrottled, countThrottled, type ThrottleRule } from '../auth/index.ts';
import { queueEmail } from '../email/index.ts';
import { createIndividual } from '../individuals/index.ts';
import { createSalesRecord } from '../sales-records/index.ts';
import { type Bookable, loadBookableBySlug, rulesOf, slotUsers } from './availability.ts';
import { bookerEmail, type BookingMail, userNoticeEmail } from './booking-emails.ts';
import { type BookingAnswer, checkBookingForm, chooseUser, refusalMessage } from './booking-rules.ts';
import { matchBooker } from './match-booker.ts';
import { appointmentBookings } from './schema.ts';
import { checkSlot } from './slots.ts';

export const BookingBody = z.strictObject({
  start: z.iso.datetime({ offset: true, message: 'An ISO 8601 time with its offset.' }),
  firstName: PersonName,
  lastName: PersonName,
  email: Email,
  phone: z.string().max(40).nullable().optional(),
  /** Answers to the form's extra questions, by question id. */
  answers: z.record(z.string().max(40), z.union([z.string().max(5000), z.boolean(), z.null()])).optional(),
  /** The booker's zone: the times in their emails are shown in it (default: the schedule's). */
  timeZone: TimeZone.optional(),
});
export type BookingBody = z.infer<typeof BookingBody>;

const HOUR = 3600_000;
/** Booking attempts (successful or not): 10 per booker email (per agency) and 60 per IP address, per hour. */
export const bookingThrottleRules = (
  accountId: string,
  email: string,
  ip: string | undefined,
): ThrottleRule[] => [
  { key: `booking-email:${accountId}:${email.toLowerCase()}`, limit: 10, windowMs: HOUR },
  { key: `booking-ip:${ip ?? 'unknown'}`, limit: 60, windowMs: HOUR },
];

/**
 * Serialise every change to these users' calendars made by bookings: one transaction-scoped
 * advisory lock per (account, user), taken in a fixed order so two bookings never deadlock.
 * Works alike on PostgreSQL and PGlite; released at commit or rollback.
 */
export async function lockUsers(tx: DbOrTx, accountId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return;
  const keys = `{${[...new Set(userIds)].map((id) => `"openams.booking:${accountId}:${id}"`).join(',')}}`;
  // One statement: the keys are sorted in the subquery and locked in that order as rows are read.
  await tx.execute(
    sql`select pg_advisory_xact_lock(k) from (select hashtextextended(u, 0) as k from unnest(${keys}::text[]) as u order by 1) as s`,
  );
}

export const systemActorFor = (b: Bookable, ctx: RequestContext): SystemActor => ({
  kind: 'system',
  accountId: b.account.id,
  accountPackage: b.account.package,
  ctx,
});

export const manageUrlOf = (deps: Pick<Deps, 'config'>, slug: string, token: string) =>
  `${deps.config.baseUrl}/book/${slug}/manage/${token}`;

export async function loadUser(tx: DbOrTx, accountId: string, userId: string) {
  return (await userProfile(tx, { accountId }, userId))!;
}

/** Check the slot under the users' locks; throws the refusal (422, or 409 when taken). */
export async function freeUsersAt(
  tx: DbOrTx,
  b: Bookable,
  start: number,
  opts: { now: number; ignoreActivityId?: string },
): Promise<{ start: number; end: number; free: string[] }> {
  const rules = rulesOf(b.schedule);
  const users = await slotUsers(tx, b, start, start + rules.lengthMinutes * 60_000, opts);
  const r = checkSlot({ rules, users, now: opts.now, start });
  if (!r.ok) {
    const { code, message } = refusalMessage(r.reason);
    throw new AppError(code, message, { errors: [{ path: 'start', message }] });
  }
  return { ...r.slot, free: r.free };
}

export type BookingResult = {
  id: string;
  start: Date;
  end: Date;
  timeZone: string;
  scheduleName: string;
  agencyName: string;
  withName: string;
  manageToken: string;
  manageUrl: string;
};

/**
 * A public booking (seed 004), in one transaction under the list's users' locks: the slot is
 * re-checked; the booker is matched to a Sales Record (name, email, phone, cell) or an Individual
 * (phone, cell only); with no match a Sales Record (Enhanced Records: an Individual) is created,
 * assigned to the first free user of the ordered list; an Activity of the schedule's type and
 * status, owned by that user, holds the slot — it blocks the calendar when the type is in the
 * Appointment category. Emails to the booker (with an invitation) and to the user go out after
 * the commit. Throttled per booker email and per IP.
 */
export async function bookAppointment(
  deps: Deps,
  opts: { slug: string; body: BookingBody; ctx: RequestContext; now?: number },
): Promise<BookingResult> {
  const { body } = opts;
  const b = await loadBookableBySlug(deps.db, opts.slug);
  const rules = bookingThrottleRules(b.account.id, body.email, opts.ctx.ip);
  await assertNotThrottled(deps.db, rules, 'Too many booking attempts. Try again later.');
  await countThrottled(deps.db, rules);
  const form = checkBookingForm(b.schedule.form, body);
  if (form.problems.length)
    throw new AppError('validation', 'The booking form has invalid fields; nothing was booked.', {
      errors: form.problems,
    });
  const hasSales = FEATURE_PACKAGES.sales.includes(b.account.package);
  if (hasSales && !b.account.settings.defaultRecordTypeId)
    throw new AppError(
      'rule_violation',
      'This agency cannot take bookings yet: it has no default record type.',
    );
  const actor = systemActorFor(b, opts.ctx);
  const booker = {
    firstName: body.firstName.trim(),
    lastName: body.lastName.trim(),
    email: body.email,
    phone: form.phone,
  };
  const timeZone = body.timeZone ?? b.schedule.timeZone;
  const token = mintAccountToken(b.account.id);
  const start = Date.parse(body.start);
  const now = opts.now ?? Date.now();

  const { result, mails } = await deps.db.transaction(async (tx) => {
    await lockUsers(tx, b.account.id, b.userIds);
    const slot = await freeUsersAt(tx, b, start, { now });
    const match = await matchBooker(tx, actor, booker, { salesRecords: hasSales });
    const userId = chooseUser(slot.free, match?.kind === 'sales_record' ? match.assignedUserId : null);
    const txDeps = { ...deps, db: tx as unknown as Db };
    let record: { kind: 'sales_record' | 'individual'; id: string };
    if (match) record = match;
    else if (hasSales) {
      const created = await createSalesRecord(txDeps, {
        actor,
        input: {
          ...booker,
          assignedUserId: userId,
          leadSource: `Appointment Scheduler: ${b.schedule.name}`.slice(0, 100),
        } as never,
      });
      record = { kind: 'sales_record', id: created.id };
    } else {
      const created = await createIndividual(txDeps, { actor, input: booker as never });
      record = { kind: 'individual', id: created.id };
    }
    const bookingId = newId();
    const activity = await createActivityInTx(
      tx,
      actor,
      {
        activityTypeId: b.schedule.activityTypeId,
        statusId: b.schedule.activityStatusId,
        subject: `${b.schedule.name}: ${booker.firstName} ${booker.lastName}`.slice(0, 200),
        ownerUserId: userId,
        startsAt: new Date(slot.start),
        endsAt: new Date(slot.end),
        ...(record.kind === 'sales_record' ? { salesRecordId: record.id } : { individualId: record.id }),
        details: { booking: { id: bookingId, ...booker, timeZone }, answers: form.answers },
        source: 'booking',
        scheduleId: b.schedule.id,
      },
      { userId: null },
    );
    await tx.insert(appointmentBookings).values({
      accountId: b.account.id,
      id: bookingId,
      scheduleId: b.schedule.id,
      activityId: activity.id,
      tokenHash: sha256(token),
      ...booker,
      timeZone,
      salesRecordId: record.kind === 'sales_record' ? record.id : null,
      individualId: record.kind === 'individual' ? record.id : null,
      matchedOn: match?.on ?? null,
    });
    await recordAudit(tx, actor, {
      type: 'activity.created',
      subjectType: 'activity',
      subjectId: activity.id,
      data: {
        subject: activity.subject,
        ownerUserId: userId,
        startsAt: activity.startsAt,
        endsAt: activity.endsAt,
        source: 'booking',
      },
    });
    await recordAudit(tx, actor, {
      type: 'appointment.booked',
      subjectType: 'appointment_booking',
      subjectId: bookingId,
      data: {
        scheduleId: b.schedule.id,
        activityId: activity.id,
        userId,
        record,
        matchedOn: match?.on ?? null,
        blocksCalendar: b.activityTypeCategory === 'appointment',
      },
    });
    const user = await loadUser(tx, b.account.id, userId);
    const mail: BookingMail = {
      event: 'booked',
      bookingId,
      sequence: 0,
      scheduleName: b.schedule.name,
      agencyName: b.account.name,
      start: new Date(slot.start),
      end: new Date(slot.end),
      booker: { ...booker, timeZone },
      user,
      answers: form.answers,
      manageUrl: manageUrlOf(deps, b.schedule.slug, token),
      recordUrl: recordUrlOf(deps, record),
      now: new Date(now),
    };
    const mails = [
      await queueEmail(tx, b.account.id, bookerEmail(mail)),
      await queueEmail(tx, b.account.id, userNoticeEmail(mail)),
    ];
    return {
      mails,
      result: {
        id: bookingId,
        start: new Date(slot.start),
        end: new Date(slot.end),
        timeZone,
        scheduleName: b.schedule.name,
        agencyName: b.account.name,
        withName: `${user.firstName} ${user.lastName}`,
        manageToken: token,
        manageUrl: mail.manageUrl,
      },
    };
  });
  await dispatchAll(deps, mails);
  return result;
}

/**
 * Hand committed emails to the delivery job. The booking is already made: a failure here is logged,
 * not returned to the booker — the outbox sweep sends anything left queued.
 */
export async function dispatchAll(
  deps: Deps,
  mails: { id: string; dispatch: (d: Pick<Deps, 'jobs'>) => Promise<void> }[],
): Promise<void> {
  await Promise.all(
    mails.map((m) =>
      m
        .dispatch(deps)
        .catch((err: unknown) => deps.log.warn({ err, emailId: m.id }, 'booking email not dispatched')),
    ),
  );
}

export const recordUrlOf = (
  deps: Pick<Deps, 'config'>,
  r: { kind: 'sales_record' | 'individual'; id: string },
) => `${deps.config.baseUrl}/${r.kind === 'sales_record' ? 'leads' : 'clients'}/${r.id}`;

export type { BookingAnswer };
