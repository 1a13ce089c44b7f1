import { DateTime } from 'luxon';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { loadBookableBySlug, rulesOf, slotUsers } from './availability.ts';
import { dayRange, horizonEnd, isoFormatter, openSlots } from './slots.ts';

export const MAX_RANGE_DAYS = 62;

/** What the public page shows before any slot: the schedule's name, length, form and zone. */
export async function getPublicSchedule(deps: Pick<Deps, 'db'>, opts: { slug: string }) {
  const { schedule: s, account } = await loadBookableBySlug(deps.db, opts.slug);
  return {
    slug: s.slug,
    name: s.name,
    agencyName: account.name,
    lengthMinutes: s.lengthMinutes,
    timeZone: s.timeZone,
    horizonDays: s.horizonDays,
    form: s.form,
  };
}

/**
 * Open slots on the booker's local dates `from`..`to` (inclusive, at most 62 days), each given
 * with the booker's zone offset. Default: the next 7 days from today in that zone. The users a
 * slot would go to are not revealed.
 */
export async function listOpenSlots(
  deps: Pick<Deps, 'db'>,
  opts: {
    slug: string;
    from?: string | undefined;
    to?: string | undefined;
    timeZone?: string | undefined;
    now?: number;
  },
) {
  const b = await loadBookableBySlug(deps.db, opts.slug);
  const zone = opts.timeZone ?? b.schedule.timeZone;
  const now = opts.now ?? Date.now();
  const today = DateTime.fromMillis(now, { zone }).toISODate()!;
  const fromDate = opts.from ?? today;
  const toDate = opts.to ?? DateTime.fromISO(fromDate, { zone }).plus({ days: 6 }).toISODate() ?? fromDate;
  const range = dayRange(fromDate, toDate, zone);
  if (!range)
    throw new AppError('validation', 'Give real dates.', {
      errors: [{ path: 'querystring.from', message: 'Not a date.' }],
    });
  const days = DateTime.fromISO(toDate).diff(DateTime.fromISO(fromDate), 'days').days + 1;
  if (days < 1 || days > MAX_RANGE_DAYS)
    throw new AppError(
      'validation',
      `Ask for 1 to ${MAX_RANGE_DAYS} days at a time, \`from\` not after \`to\`.`,
      {
        errors: [{ path: 'querystring.to', message: `Between from and ${MAX_RANGE_DAYS - 1} days later.` }],
      },
    );
  const rules = rulesOf(b.schedule);
  // Nothing to fetch outside the bookable window.
  const lo = Math.max(range.from, now);
  const hi = Math.min(range.to, horizonEnd(rules, now));
  const users = lo < hi ? await slotUsers(deps.db, b, lo, hi) : [];
  const slots = lo < hi ? openSlots({ rules, users, now, from: range.from, to: range.to }) : [];
  const iso = isoFormatter(zone, range.from, range.to);
  return {
    timeZone: zone,
    from: fromDate,
    to: toDate,
    lengthMinutes: b.schedule.lengthMinutes,
    slots: slots.map((s) => ({ start: iso(s.start), end: iso(s.end) })),
  };
}
