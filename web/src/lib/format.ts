import { useMe } from './session';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date and time in the given IANA time zone, e.g. "Mar 4, 2026, 9:15 AM". */
export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone });
    formatters.set(timeZone, f);
  }
  return f.format(new Date(iso));
}

/** Formats dates in the signed-in user's time zone (me.timeZone). */
export function useDateTimeFormat(): (iso: string | null | undefined) => string {
  const { timeZone } = useMe();
  return (iso) => formatDateTime(iso, timeZone);
}
