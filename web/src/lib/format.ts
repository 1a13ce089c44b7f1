import { useMe } from './session';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      'en-US',
      withTime ? { dateStyle: 'medium', timeStyle: 'short', timeZone } : { dateStyle: 'medium', timeZone },
    );
    formatters.set(key, f);
  }
  return f;
}

/** A date and time in the given IANA time zone, e.g. "Mar 4, 2026, 9:15 AM". */
export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return formatterFor(timeZone, true).format(new Date(iso));
}

/** A date in the given IANA time zone, e.g. "Mar 4, 2026". */
export function formatDate(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return formatterFor(timeZone, false).format(new Date(iso));
}

/** Formats dates in the signed-in user's time zone (me.timeZone). */
export function useDateTimeFormat(): (iso: string | null | undefined) => string {
  const { timeZone } = useMe();
  return (iso) => formatDateTime(iso, timeZone);
}

export { formatPhone } from './phone';

/** "First Last", or a fallback when both are empty. */
export const fullName = (p: { firstName: string; lastName: string }, fallback = '—'): string =>
  `${p.firstName} ${p.lastName}`.trim() || fallback;

/** A calendar date as the API stores it (YYYY-MM-DD), e.g. "Mar 4, 1950"; no time zone shift. */
export function formatCalendarDate(date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return formatterFor('UTC', false).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** A size in bytes for people: "820 B", "14.2 KB", "3.1 MB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An amount of money as the API stores it ("129.50"), e.g. "$129.50". */
export function formatMoney(amount: string | null | undefined): string {
  if (!amount) return '—';
  const n = Number(amount);
  return Number.isFinite(n) ? n.toLocaleString('en-US', { style: 'currency', currency: 'USD' }) : amount;
}
