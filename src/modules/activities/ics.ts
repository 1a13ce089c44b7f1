/**
 * iCalendar (RFC 5545) serialisation: VCALENDAR with VEVENTs, times in UTC, TEXT values escaped
 * (§3.3.11), content lines folded at 75 octets without splitting a UTF-8 character (§3.1), CRLF
 * line ends. Pure: used by the calendar feed and by the booking confirmation's attachment.
 */

export type IcsPerson = { email: string; name?: string | undefined };

export type IcsEvent = {
  /** Globally unique and stable across updates of the same event (e.g. `<activity id>@host`). */
  uid: string;
  start: Date;
  /** Omitted: an event at an instant (RFC 5545 §3.6.1: it ends when it starts). */
  end?: Date | null | undefined;
  /** All-day: start and end (exclusive) as calendar dates YYYY-MM-DD, instead of `start`/`end` times. */
  allDay?: { startDate: string; endDate: string } | undefined;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  url?: string | undefined;
  status?: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED' | undefined;
  /** Revision number: raise it when an event already sent (METHOD:REQUEST) changes. */
  sequence?: number | undefined;
  created?: Date | undefined;
  lastModified?: Date | undefined;
  organizer?: IcsPerson | undefined;
  attendees?: IcsPerson[] | undefined;
  categories?: string[] | undefined;
};

export type IcsCalendarOptions = {
  /** iTIP method (RFC 5546): PUBLISH for feeds, REQUEST for an invitation, CANCEL to withdraw it. */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL' | undefined;
  /** Display name of the calendar (X-WR-CALNAME). */
  name?: string | undefined;
  prodId?: string | undefined;
  /** DTSTAMP of every event; default: now. */
  now?: Date | undefined;
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A DATE-TIME in UTC: 20300131T140000Z (seconds kept, milliseconds dropped). */
export function utcStamp(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError('Invalid date');
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

/** A DATE value from YYYY-MM-DD. */
export function dateValue(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`Not a date: ${isoDate}`);
  return isoDate.replace(/-/g, '');
}

// Control characters (built from code points: no literal controls in the source). TAB stays in TEXT.
const range = (a: number, b: number) => `${String.fromCharCode(a)}-${String.fromCharCode(b)}`;
const CONTROLS = new RegExp(`[${range(0, 8)}${range(0x0b, 0x1f)}${String.fromCharCode(0x7f)}]`, 'g');
const PARAM_UNSAFE = new RegExp(`["${range(0, 0x1f)}${String.fromCharCode(0x7f)}]`, 'g');

/** TEXT escaping (§3.3.11): backslash, semicolon, comma, and any line break as `\n`. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROLS, ''); // other controls are not allowed in TEXT
}

/** A parameter value (§3.2): quoted when it holds `:;,`; DQUOTE and controls cannot appear at all. */
export function paramValue(s: string): string {
  const clean = s.replace(PARAM_UNSAFE, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/**
 * Fold a content line (§3.1): no line longer than 75 octets; continuation lines start with one
 * space (so carry 74 octets of content). A multi-byte UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Back off to the start of a character: continuation bytes are 10xxxxxx.
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74;
  }
  return parts.join('\r\n ');
}

function personLine(prop: 'ORGANIZER' | 'ATTENDEE', p: IcsPerson, extra = ''): string {
  const cn = p.name ? `;CN=${paramValue(p.name)}` : '';
  return `${prop}${cn}${extra}:mailto:${p.email.replace(/[\s"]/g, '')}`;
}

function eventLines(e: IcsEvent, stamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${stamp}`];
  if (e.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${dateValue(e.allDay.startDate)}`);
    lines.push(`DTEND;VALUE=DATE:${dateValue(e.allDay.endDate)}`);
  } else {
    lines.push(`DTSTART:${utcStamp(e.start)}`);
    // DTEND must be later than DTSTART (§3.6.1): an instant has none.
    if (e.end && e.end.getTime() > e.start.getTime()) lines.push(`DTEND:${utcStamp(e.end)}`);
  }
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url.replace(/[\s"]/g, '')}`);
  if (e.status) lines.push(`STATUS:${e.status}`);
  if (e.sequence !== undefined) lines.push(`SEQUENCE:${Math.max(0, Math.trunc(e.sequence))}`);
  if (e.created) lines.push(`CREATED:${utcStamp(e.created)}`);
  if (e.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(e.lastModified)}`);
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  if (e.organizer) lines.push(personLine('ORGANIZER', e.organizer));
  for (const a of e.attendees ?? [])
    lines.push(personLine('ATTENDEE', a, ';ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE'));
  lines.push('END:VEVENT');
  return lines;
}

/** A whole VCALENDAR object with these events, as the text of a `.ics` file (CRLF line ends). */
export function serializeCalendar(events: readonly IcsEvent[], opts: IcsCalendarOptions = {}): string {
  const stamp = utcStamp(opts.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${opts.prodId ?? '-//OpenAMS//OpenAMS Calendar//EN'}`,
    'CALSCALE:GREGORIAN',
  ];
  if (opts.method) lines.push(`METHOD:${opts.method}`);
  if (opts.name) lines.push(`X-WR-CALNAME:${escapeText(opts.name)}`);
  for (const e of events) lines.push(...eventLines(e, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
