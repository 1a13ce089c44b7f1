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

/** The instant of `time` (HH:mm) on `day` (YYYY-MM-DD) in `timeZone`, as ISO. */
export function zonedIso(day: string, time: string, timeZone: string): string {
  const [h, min] = time.split(':').map(Number) as [number, number];
  const midnight = startOfDay(day, timeZone);
  if (!midnight) throw new RangeError(`Not a date: ${day}`);
  // Walk from local midnight: correct across DST because we re-read the wall clock.
  const guess = new Date(new Date(midnight).getTime() + (h * 60 + min) * 60_000);
  const wall = wallOf(guess.toISOString(), timeZone);
  const drift =
    (Number(wall.time.slice(0, 2)) * 60 + Number(wall.time.slice(3, 5)) - (h * 60 + min)) * 60_000;
  const dayDrift = wall.day === day ? 0 : wall.day > day ? 86_400_000 : -86_400_000;
  return new Date(guess.getTime() - drift - dayDrift).toISOString();
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
