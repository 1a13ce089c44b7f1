import { addDays, monthGridDays, startOfWeek, wallOf } from '../../../lib/activities/zoned';
import type { Activity } from '../../../lib/queries/activities';

export type CalendarView = 'day' | 'week' | 'month';

/** The days a view shows around `anchor` (YYYY-MM-DD). */
export function viewDays(view: CalendarView, anchor: string): string[] {
  if (view === 'day') return [anchor];
  if (view === 'week') return Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(anchor), i));
  return monthGridDays(anchor);
}

/** The anchor one step back or forward. */
export function step(view: CalendarView, anchor: string, dir: -1 | 1): string {
  if (view === 'day') return addDays(anchor, dir);
  if (view === 'week') return addDays(anchor, 7 * dir);
  const [y, m] = anchor.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + dir, 1));
  return d.toISOString().slice(0, 10);
}

const fmt = (opts: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-US', { ...opts, timeZone: 'UTC' });
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** "June 2030", "Jun 2 – Jun 8, 2030", "Wednesday, June 5, 2030". */
export function viewTitle(view: CalendarView, anchor: string): string {
  if (view === 'month') return fmt({ month: 'long', year: 'numeric' }).format(asDate(anchor));
  if (view === 'day') return fmt({ dateStyle: 'full' }).format(asDate(anchor));
  const days = viewDays('week', anchor);
  const short = fmt({ month: 'short', day: 'numeric' });
  return `${short.format(asDate(days[0]!))} – ${short.format(asDate(days[6]!))}, ${days[6]!.slice(0, 4)}`;
}

export const dayLabel = (day: string) =>
  fmt({ weekday: 'short', month: 'short', day: 'numeric' }).format(asDate(day));
export const longDayLabel = (day: string) => fmt({ dateStyle: 'full' }).format(asDate(day));

/** Where an activity sits: the day and hour (in the user's zone) it starts, or is due. */
export function placeOf(
  a: Pick<Activity, 'startsAt' | 'dueAt'>,
  timeZone: string,
): { day: string; hour: number; time: string } | null {
  const at = a.startsAt ?? a.dueAt;
  if (!at) return null;
  const w = wallOf(at, timeZone);
  return { day: w.day, hour: Number(w.time.slice(0, 2)), time: w.time };
}

/** The longest run of days one activity is drawn on (activities last at most 14 days: rules.ts). */
const MAX_SPAN_DAYS = 31;

/**
 * The days (in the user's zone) a timed activity covers: its start day through the day of its
 * last instant (an end at midnight does not reach into that day). Others: their one day.
 */
export function spanDays(
  a: Pick<Activity, 'startsAt' | 'dueAt'> & { endsAt?: string | null },
  timeZone: string,
): string[] {
  const p = placeOf(a, timeZone);
  if (!p) return [];
  if (!a.startsAt || !a.endsAt || a.endsAt <= a.startsAt) return [p.day];
  const last = wallOf(new Date(new Date(a.endsAt).getTime() - 1).toISOString(), timeZone).day;
  const days = [p.day];
  while (days[days.length - 1]! < last && days.length < MAX_SPAN_DAYS)
    days.push(addDays(days[days.length - 1]!, 1));
  return days;
}

/**
 * Activities grouped by "day" and by "day hour", in time order. One that runs over several days
 * is on each of them: at its hour on the first, at the top of the later ones.
 */
export function bucket<T extends Pick<Activity, 'startsAt' | 'dueAt'> & { endsAt?: string | null }>(
  items: readonly T[],
  timeZone: string,
) {
  const byDay = new Map<string, T[]>();
  const byHour = new Map<string, T[]>();
  const add = (m: Map<string, T[]>, k: string, a: T) => (m.get(k) ?? m.set(k, []).get(k)!).push(a);
  for (const a of items) {
    const p = placeOf(a, timeZone);
    if (!p) continue;
    spanDays(a, timeZone).forEach((day, i) => {
      add(byDay, day, a);
      add(byHour, `${day} ${i === 0 ? p.hour : 0}`, a);
    });
  }
  return { byDay, byHour };
}

/** 9 → "9 AM", 0 → "12 AM", 13 → "1 PM". */
export const hourLabel = (h: number) => `${h % 12 === 0 ? 12 : h % 12} ${h < 12 ? 'AM' : 'PM'}`;

/** "09:30" → "9:30 AM". */
export function timeLabel(hhmm: string): string {
  const h = Number(hhmm.slice(0, 2));
  return `${h % 12 === 0 ? 12 : h % 12}:${hhmm.slice(3, 5)} ${h < 12 ? 'AM' : 'PM'}`;
}
