/**
 * May a text go out now, and if not, when? The allowed instants are the intersection of
 * - the sender's texting window in the sender's zone (default 08:00–19:00, seed 001);
 * - the federal quiet hours, 08:00–21:00 local time at the called party's location
 *   (47 CFR 64.1200(c)(1)), in every candidate zone of the recipient;
 * - the recipient state's hours (state-rules.ts), in every candidate zone; an unknown state (absent,
 *   or not a US state/territory code) takes the strictest of all state rules.
 * Windows are end-exclusive: 18:59 is inside 08:00–19:00, 19:00 is not.
 *
 * Each rule is turned into instant intervals over [at, at + horizon): the zone's UTC offset is
 * constant between transitions (found with luxon's IANA zone, to the millisecond), so within each
 * such segment a wall-clock window maps linearly to instants. That handles DST exactly: a window
 * edge inside the skipped hour opens at the first instant after it; the repeated hour is inside a
 * window in both of its occurrences when its wall time is. No minute-by-minute scan: a 14-day search
 * costs a few dozen offset lookups per zone.
 */
import { DateTime, IANAZone } from 'luxon';
import { STATE_ZONES } from './data/state-zones.ts';
import { citationOf, stateHours, type DayRule } from './state-rules.ts';

export type ClockWindow = { start: string; end: string };
export type TextingWindowInput = {
  at: Date;
  sender: { zone: string; window?: ClockWindow };
  recipient: { zones: readonly string[]; state?: string };
  /** How far ahead to look for the next allowed instant; default 14 days. */
  horizonDays?: number;
};

export type WindowRule = 'sender_window' | 'federal_quiet_hours' | 'state_hours';
export type WindowViolation = {
  rule: WindowRule;
  zone: string;
  /** Wall time with its offset, e.g. 2026-11-01T01:30:00.000-04:00 (unambiguous in repeated hours). */
  localTime: string;
  /** The hours allowed that local day, e.g. "08:00–21:00", or "none". */
  allowedHours: string;
  state?: string;
  citation: string;
};
export type TextingWindowDecision =
  { allowed: true } | { allowed: false; reasons: WindowViolation[]; nextAllowedAt: Date | null };

export const DEFAULT_SENDER_WINDOW: ClockWindow = { start: '08:00', end: '19:00' };
const FEDERAL = { start: 8 * 60, end: 21 * 60 };
const MINUTE = 60_000;
const DAY = 86_400_000;

type Constraint = {
  rule: WindowRule;
  zone: IANAZone;
  hours: (date: string, weekday: number) => DayRule;
  state?: string;
  citation: string;
};
type Interval = { start: number; end: number };

/** "HH:MM" → minutes; "24:00" allowed as an end. */
export function parseClock(text: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!(minutes <= 24 * 60)) throw new RangeError(`Invalid time of day "${text}" (HH:MM expected)`);
  return minutes;
}

const zoneOf = (name: string): IANAZone => {
  const z = IANAZone.create(name);
  if (!z.isValid) throw new RangeError(`Unknown time zone "${name}"`);
  return z;
};

const fmt = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const fmtRule = (r: DayRule) => (r ? `${fmt(r.start)}–${fmt(r.end)}` : 'none');

/** [start, end) split where the zone's offset changes; offset in minutes east of UTC. */
function offsetSegments(zone: IANAZone, from: number, to: number) {
  const segments: { start: number; end: number; offset: number }[] = [];
  let start = from;
  let offset = zone.offset(from);
  for (let t = from; t < to;) {
    const next = Math.min(t + DAY, to);
    if (zone.offset(next) === offset) {
      t = next;
      continue;
    }
    let lo = t;
    let hi = next; // offset(lo) === offset, offset(hi) !== offset
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.offset(mid) === offset) lo = mid;
      else hi = mid;
    }
    segments.push({ start, end: hi, offset });
    start = t = hi;
    offset = zone.offset(hi);
  }
  segments.push({ start, end: to, offset });
  return segments;
}

type Segments = ReturnType<typeof offsetSegments>;

function allowedIntervals(c: Constraint, segments: Segments): Interval[] {
  const out: Interval[] = [];
  for (const seg of segments) {
    const shift = seg.offset * MINUTE;
    const firstDay = Math.floor((seg.start + shift) / DAY) * DAY;
    for (let day = firstDay; day < seg.end + shift; day += DAY) {
      const d = new Date(day);
      const w = c.hours(d.toISOString().slice(0, 10), d.getUTCDay());
      if (!w) continue;
      const start = Math.max(seg.start, day + w.start * MINUTE - shift);
      const end = Math.min(seg.end, day + w.end * MINUTE - shift);
      if (start >= end) continue;
      const last = out[out.length - 1];
      if (last && last.end >= start) last.end = Math.max(last.end, end);
      else out.push({ start, end });
    }
  }
  return out;
}

function intersectAll(lists: Interval[][]): Interval[] {
  return lists.reduce((acc, list) => {
    const out: Interval[] = [];
    for (let i = 0, j = 0; i < acc.length && j < list.length;) {
      const start = Math.max(acc[i]!.start, list[j]!.start);
      const end = Math.min(acc[i]!.end, list[j]!.end);
      if (start < end) out.push({ start, end });
      if (acc[i]!.end < list[j]!.end) i++;
      else j++;
    }
    return out;
  });
}

function violation(c: Constraint, at: number): WindowViolation | undefined {
  const local = DateTime.fromMillis(at, { zone: c.zone });
  const minutes = local.hour * 60 + local.minute;
  const hours = c.hours(local.toISODate()!, local.weekday % 7);
  if (hours && minutes >= hours.start && minutes < hours.end) return undefined;
  return {
    rule: c.rule,
    zone: c.zone.name,
    localTime: local.toISO()!,
    allowedHours: fmtRule(hours),
    ...(c.state ? { state: c.state } : {}),
    citation: c.citation,
  };
}

export function checkTextingWindow(input: TextingWindowInput): TextingWindowDecision {
  const at = input.at.getTime();
  if (Number.isNaN(at)) throw new RangeError('Invalid date');
  if (input.recipient.zones.length === 0)
    throw new RangeError('The recipient needs at least one candidate zone');
  const window = input.sender.window ?? DEFAULT_SENDER_WINDOW;
  const sender = { start: parseClock(window.start), end: parseClock(window.end) };
  if (sender.start >= sender.end) throw new RangeError(`Empty texting window ${window.start}–${window.end}`);
  // A code that is no US state or territory counts as unknown: the strictest state rule applies.
  const code = input.recipient.state?.trim().toUpperCase();
  const state = code && STATE_ZONES[code] ? code : undefined;

  const constraints: Constraint[] = [
    {
      rule: 'sender_window',
      zone: zoneOf(input.sender.zone),
      hours: () => sender,
      citation: "sender's texting window",
    },
  ];
  for (const name of new Set(input.recipient.zones)) {
    const zone = zoneOf(name);
    constraints.push({
      rule: 'federal_quiet_hours',
      zone,
      hours: () => FEDERAL,
      citation: '47 CFR 64.1200(c)(1)',
    });
    constraints.push({
      rule: 'state_hours',
      zone,
      hours: (date, weekday) => stateHours(state, date, weekday),
      ...(state ? { state } : {}),
      citation: citationOf(state),
    });
  }

  const reasons = constraints.map((c) => violation(c, at)).filter((v) => v !== undefined);
  if (reasons.length === 0) return { allowed: true };
  const to = at + (input.horizonDays ?? 14) * DAY;
  const segments = new Map<string, Segments>();
  const segmentsOf = (zone: IANAZone) => {
    let found = segments.get(zone.name);
    if (!found) segments.set(zone.name, (found = offsetSegments(zone, at, to)));
    return found;
  };
  const next = intersectAll(constraints.map((c) => allowedIntervals(c, segmentsOf(c.zone))))[0];
  return { allowed: false, reasons, nextAllowedAt: next ? new Date(next.start) : null };
}
