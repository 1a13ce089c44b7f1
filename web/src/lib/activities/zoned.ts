import { dayOf, startOfDay } from '../dates';

/**
 * Wall-clock times in the user's time zone (the calendar and the activity form show times where
 * the user is, whatever the browser's zone), to and from ISO instants. Pure.
 */

/** YYYY-MM-DD plus n days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Day of the week of YYYY-MM-DD, 0 = Sunday. */
export const weekday = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();

/** The Sunday that starts the week of `day`. */
export const startOfWeek = (day: string): string => addDays(day, -weekday(day));

/** The first day of the month of `day`. */
export const startOfMonth = (day: string): string => `${day.slice(0, 7)}-01`;

/** The 42 days (6 weeks from a Sunday) of a month grid. */
export function monthGridDays(day: string): string[] {
  const first = startOfWeek(startOfMonth(day));
  return Array.from({ length: 42 }, (_, i) => addDays(first, i));
}

/** The zone's offset from UTC (ms) at an instant: its wall clock read as if it were UTC, minus it. */
function offsetAt(ms: number, timeZone: string): number {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, Number(x.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (ms - (ms % 1000));
}

/**
 * The instant of `time` (HH:mm) on `day` (YYYY-MM-DD) in `timeZone`, as ISO. A time that happens
 * twice (the hour repeated when clocks go back) is its first occurrence; a time that does not
 * happen (skipped when clocks go forward) is read with the offset before the change, so 02:30 on
 * spring-forward night in New York is 03:30 EDT (RFC 5545, Temporal's "compatible").
 */
export function zonedIso(day: string, time: string, timeZone: string): string {
  const [h, min] = time.split(':').map(Number) as [number, number];
  if (!startOfDay(day, timeZone)) throw new RangeError(`Not a date: ${day}`);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const local = Date.UTC(y, m - 1, d, h, min);
  const before = offsetAt(local - 86_400_000, timeZone);
  const after = offsetAt(local + 86_400_000, timeZone);
  const valid = [local - before, local - after].filter((ms) => local - offsetAt(ms, timeZone) === ms);
  return new Date(valid.length ? Math.min(...valid) : local - before).toISOString();
}

/** The wall-clock day (YYYY-MM-DD) and time (HH:mm) of an instant in `timeZone`. */
export function wallOf(iso: string, timeZone: string): { day: string; time: string } {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
  return { day: dayOf(iso, timeZone), time };
}

/** An instant as the value of an `<input type="datetime-local">` in `timeZone`. */
export function toLocalInput(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const w = wallOf(iso, timeZone);
  return `${w.day}T${w.time}`;
}

/** A datetime-local value (YYYY-MM-DDTHH:mm) in `timeZone` as an ISO instant; null when blank or invalid. */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m ? zonedIso(m[1]!, m[2]!, timeZone) : null;
}
