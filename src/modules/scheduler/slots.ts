import { DateTime } from 'luxon';
import { datesCovering, type LocalDate, ZoneClock } from './zone-clock.ts';

/**
 * Open appointment slots: pure functions, no I/O (decision 008). Wall-clock hours are turned into
 * instants with luxon in the zone that owns them, so DST weeks come out right; everything after
 * that works on epoch milliseconds. Intervals are half-open: [start, end).
 */

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Wall-clock hours on one day, `HH:mm` each; `end` may be `24:00` (midnight at the day's end). */
export type TimeRange = { start: string; end: string };
export type WeeklyHours = Record<Weekday, TimeRange[]>;
/** Other hours on one date (`YYYY-MM-DD`) than its weekday has. */
export type DateOverride = { date: string; hours: TimeRange[] };

/** When someone works, in the zone of those hours. A day off wins over an override of the same date. */
export type Hours = {
  timeZone: string;
  weeklyHours: WeeklyHours;
  dateOverrides: DateOverride[];
  daysOff: string[];
};

export type SlotRules = Hours & {
  /** Appointment length in minutes; slots step by it from the start of each range of hours. */
  lengthMinutes: number;
  /** Free time needed before a new appointment starts and after it ends. */
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** A slot starts no sooner than this many minutes after `now`. */
  minimumNoticeMinutes: number;
  /** Slots are offered on today (in the schedule's zone) and the next `horizonDays - 1` days. */
  horizonDays: number;
};

export type Interval = { start: number; end: number };

/** A user of the schedule's ordered list: their own hours (if any) and their busy time. */
export type SlotUser = { userId: string; hours: Hours | null; busy: Interval[] };

export type Slot = { start: number; end: number; userId: string };

export type SlotQuery = {
  rules: SlotRules;
  users: readonly SlotUser[];
  now: number;
  /** Slots starting in [from, to). */
  from: number;
  to: number;
};

const MINUTE = 60_000;

const parseHm = (hm: string): { hour: number; minute: number } => {
  const [h, m] = hm.split(':');
  return { hour: Number(h), minute: Number(m) };
};

const HM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Every problem of one day's ranges: format, end not after start, overlaps (paths relative to the list). */
export function rangeProblems(
  list: readonly TimeRange[],
  opts: { skipMalformed?: boolean } = {},
): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const valid = list
    .map((r, i) => ({ r, i }))
    .filter(({ r, i }) => {
      if (!HM.test(r.start) || r.start === '24:00' || !HM.test(r.end)) {
        if (!opts.skipMalformed) out.push({ path: [i], message: 'Times are HH:mm, 00:00 to 24:00.' });
        return false;
      }
      if (r.end <= r.start) {
        out.push({ path: [i, 'end'], message: 'Must be after the start.' });
        return false;
      }
      return true;
    })
    .sort((a, b) => (a.r.start < b.r.start ? -1 : 1));
  for (let k = 1; k < valid.length; k++)
    if (valid[k]!.r.start < valid[k - 1]!.r.end)
      out.push({ path: [valid[k]!.i], message: 'Overlaps another range of the same day.' });
  return out;
}

/** Every problem of a set of hours, with dotted paths relative to the hours. */
export function hoursProblems(h: Omit<Hours, 'timeZone'>): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const add = (prefix: string, list: readonly TimeRange[]) =>
    rangeProblems(list).forEach((p) => out.push({ path: [prefix, ...p.path].join('.'), message: p.message }));
  for (const d of WEEKDAYS) add(`weeklyHours.${d}`, h.weeklyHours[d]);
  const seen = new Set<string>();
  h.dateOverrides.forEach((o, i) => {
    if (seen.has(o.date))
      out.push({ path: `dateOverrides.${i}.date`, message: 'This date is listed twice.' });
    seen.add(o.date);
    add(`dateOverrides.${i}.hours`, o.hours);
  });
  return out;
}

/** The ranges of hours of one local date. */
function rangesOn(h: Hours, date: LocalDate): TimeRange[] {
  if (h.daysOff.includes(date.iso)) return [];
  const override = h.dateOverrides.find((o) => o.date === date.iso);
  if (override) return override.hours;
  return h.weeklyHours[WEEKDAYS[date.weekday - 1]!];
}

/** A wall-clock time on a local date as an instant (24:00 is the next day's midnight). */
function instantOf(clock: ZoneClock, date: LocalDate, hm: string): number {
  const { hour, minute } = parseHm(hm);
  return clock.toInstant(date.wallMidnight + (hour * 60 + minute) * MINUTE);
}

const DAY = 86_400_000;
const MARGIN = 3 * DAY;
/** One ZoneClock per zone for a computation over [from, to) (plus margins). */
const clocks = (from: number, to: number) => {
  const cache = new Map<string, ZoneClock>();
  return (zone: string) => {
    let c = cache.get(zone);
    if (!c) cache.set(zone, (c = new ZoneClock(zone, from - MARGIN, to + MARGIN)));
    return c;
  };
};
type Clocks = ReturnType<typeof clocks>;

/** Hours as absolute intervals overlapping [from, to), sorted and merged (adjacent ones join). */
export function hoursIntervals(
  h: Hours,
  from: number,
  to: number,
  clockOf: Clocks = clocks(from, to),
): Interval[] {
  const clock = clockOf(h.timeZone);
  const raw: Interval[] = [];
  for (const date of datesCovering(clock, from - DAY, to + DAY))
    for (const r of rangesOn(h, date)) {
      const start = instantOf(clock, date, r.start);
      const end = instantOf(clock, date, r.end);
      if (end > from && start < to && end > start) raw.push({ start, end });
    }
  return mergeIntervals(raw);
}

/** Sort and merge overlapping or touching intervals. */
export function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** The first instant past the horizon: the start of day (today + horizonDays) in the schedule's zone. */
export function horizonEnd(
  rules: Pick<SlotRules, 'timeZone' | 'horizonDays'>,
  now: number,
  clockOf: Clocks = clocks(now, now + (rules.horizonDays + 1) * DAY),
): number {
  const clock = clockOf(rules.timeZone);
  return clock.toInstant(clock.dateOf(now).wallMidnight + rules.horizonDays * DAY);
}

/** The grid of one schedule: every candidate slot of its own hours whose start is in [from, to). */
function* grid(rules: SlotRules, from: number, to: number, clockOf: Clocks): Generator<Interval> {
  const len = rules.lengthMinutes * MINUTE;
  if (len <= 0) return;
  const clock = clockOf(rules.timeZone);
  for (const date of datesCovering(clock, from, to)) {
    const ranges = rangesOn(rules, date)
      .map((r) => ({ start: instantOf(clock, date, r.start), end: instantOf(clock, date, r.end) }))
      .sort((a, b) => a.start - b.start);
    for (const r of ranges) {
      let t = r.start;
      if (t < from) t += Math.ceil((from - t) / len) * len;
      for (; t + len <= r.end && t < to; t += len) yield { start: t, end: t + len };
    }
  }
}

/**
 * Per user, in list order: is a slot inside their hours and clear of their busy time (widened by
 * the buffers)? Slots must be asked in increasing start order: each user keeps a cursor.
 */
function availability(
  rules: SlotRules,
  users: readonly SlotUser[],
  from: number,
  to: number,
  clockOf: Clocks,
) {
  const before = rules.bufferBeforeMinutes * MINUTE;
  const after = rules.bufferAfterMinutes * MINUTE;
  const reach = rules.lengthMinutes * MINUTE + before + after;
  const state = users.map((u) => ({
    userId: u.userId,
    hours: u.hours ? hoursIntervals(u.hours, from - reach, to + reach, clockOf) : null,
    hi: 0,
    // A slot [s, e) needs [s - before, e + after) free: busy [bs, be) widens to [bs - after, be + before).
    busy: mergeIntervals(u.busy.map((b) => ({ start: b.start - after, end: b.end + before }))),
    bi: 0,
  }));
  return {
    /** Users whose hours contain the slot, and the first of them who is also free, in list order. */
    check(slot: Interval): { inHours: string[]; free: string[] } {
      const inHours: string[] = [];
      const free: string[] = [];
      for (const u of state) {
        if (u.hours) {
          while (u.hi < u.hours.length && u.hours[u.hi]!.end < slot.end) u.hi++;
          const h = u.hours[u.hi];
          if (!h || h.start > slot.start || h.end < slot.end) continue;
        }
        inHours.push(u.userId);
        while (u.bi < u.busy.length && u.busy[u.bi]!.end <= slot.start) u.bi++;
        const b = u.busy[u.bi];
        if (!b || b.start >= slot.end) free.push(u.userId);
      }
      return { inHours, free };
    },
  };
}

/**
 * The open slots starting in [from, to): on the schedule's grid, no sooner than the minimum
 * notice, before the horizon, and with at least one user of the list available — the first such
 * user in list order is the slot's user.
 */
export function openSlots(q: SlotQuery): Slot[] {
  const clockOf = clocks(Math.min(q.from, q.now), Math.max(q.to, q.now + (q.rules.horizonDays + 1) * DAY));
  const from = Math.max(q.from, q.now + q.rules.minimumNoticeMinutes * MINUTE);
  const to = Math.min(q.to, horizonEnd(q.rules, q.now, clockOf));
  if (from >= to || q.users.length === 0) return [];
  const avail = availability(q.rules, q.users, from, to, clockOf);
  const out: Slot[] = [];
  for (const slot of grid(q.rules, from, to, clockOf)) {
    const { free } = avail.check(slot);
    if (free.length) out.push({ ...slot, userId: free[0]! });
  }
  return out;
}

export type SlotRefusal = 'past' | 'notice' | 'horizon' | 'off_grid' | 'outside_hours' | 'taken';

/**
 * Can a slot starting at `start` be booked, and by whom? `free` lists every available user in
 * list order (the booking picks among them); otherwise the reason, checked in this order: past,
 * minimum notice, horizon, not on the grid, outside every user's hours, taken.
 */
export function checkSlot(
  q: Omit<SlotQuery, 'from' | 'to'> & { start: number },
): { ok: true; slot: Interval; free: string[] } | { ok: false; reason: SlotRefusal } {
  const { rules, start, now } = q;
  if (start < now) return { ok: false, reason: 'past' };
  if (start < now + rules.minimumNoticeMinutes * MINUTE) return { ok: false, reason: 'notice' };
  const clockOf = clocks(Math.min(start, now), Math.max(start, now + (rules.horizonDays + 1) * DAY));
  if (start >= horizonEnd(rules, now, clockOf)) return { ok: false, reason: 'horizon' };
  const len = rules.lengthMinutes * MINUTE;
  const [slot] = [...grid(rules, start, start + 1, clockOf)];
  if (!slot || slot.start !== start) {
    const clock = clockOf(rules.timeZone);
    const date = clock.dateOf(start);
    const inside = rangesOn(rules, date).some(
      (r) => instantOf(clock, date, r.start) <= start && start + len <= instantOf(clock, date, r.end),
    );
    return { ok: false, reason: inside ? 'off_grid' : 'outside_hours' };
  }
  const { inHours, free } = availability(rules, q.users, start, start + len, clockOf).check(slot);
  if (inHours.length === 0) return { ok: false, reason: 'outside_hours' };
  if (free.length === 0) return { ok: false, reason: 'taken' };
  return { ok: true, slot, free };
}

/** Local dates `fromDate`..`toDate` (inclusive, `YYYY-MM-DD`) in `zone` as instants [from, to). */
export function dayRange(
  fromDate: string,
  toDate: string,
  zone: string,
): { from: number; to: number } | null {
  const a = DateTime.fromISO(fromDate, { zone }).startOf('day');
  const b = DateTime.fromISO(toDate, { zone }).startOf('day').plus({ days: 1 });
  if (!a.isValid || !b.isValid) return null;
  return { from: a.toMillis(), to: b.toMillis() };
}

/** An instant as ISO 8601 with the offset of `zone`, e.g. `2026-03-10T00:30:00+05:30`. */
export const isoInZone = (ms: number, zone: string): string => new ZoneClock(zone, ms, ms).iso(ms);

/** A formatter like `isoInZone` for many instants in [from, to): the zone's offsets are read once. */
export const isoFormatter = (zone: string, from: number, to: number): ((ms: number) => string) => {
  const clock = new ZoneClock(zone, from, to);
  return (ms) => clock.iso(ms);
};

/** Is `zone` an IANA zone luxon can use? */
export const isKnownZone = (zone: string): boolean => DateTime.now().setZone(zone).isValid;
