/** Dates and times of the booking pages, always in the booker's chosen zone (pure helpers). */

/** The zone of this device, e.g. "America/Chicago". */
export const deviceTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Today's date (YYYY-MM-DD) in a zone. */
export const todayIn = (zone: string, now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);

/** A YYYY-MM-DD date plus `days` (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** "Mon, Mar 9" for a YYYY-MM-DD date (in `locale`: "lun, 9 mar" in es-US). */
export const dayLabel = (
  date: string,
  opts: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric' },
  locale = 'en-US',
) => new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/** "9:30 AM" for an instant, in a zone. */
export const timeLabel = (iso: string, zone: string, locale = 'en-US') =>
  new Intl.DateTimeFormat(locale, { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(
    new Date(iso),
  );

/** "Monday, March 9, 2026, 9:30 AM – 10:00 AM" in a zone. */
export function whenLabel(start: string, end: string, zone: string, locale = 'en-US'): string {
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  }).format(new Date(start));
  return `${day}, ${timeLabel(start, zone, locale)} – ${timeLabel(end, zone, locale)}`;
}

/** The local date of a slot: its ISO text already carries the booker's offset. */
export const slotDate = (iso: string) => iso.slice(0, 10);
