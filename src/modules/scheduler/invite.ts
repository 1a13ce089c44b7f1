import { DateTime } from 'luxon';
import { serializeCalendar } from '../activities/index.ts';

/**
 * The calendar invitation attached to booking emails (one VEVENT, serialised by the activities
 * module's ICS writer). METHOD:REQUEST for a new or moved appointment — the same UID with a higher
 * SEQUENCE — and METHOD:CANCEL when it is cancelled (RFC 5546).
 */
export type Invite = {
  method: 'REQUEST' | 'CANCEL';
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  stamp: Date;
  summary: string;
  description: string;
  url: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
};

export const inviteIcs = (i: Invite): string =>
  serializeCalendar(
    [
      {
        uid: i.uid,
        start: i.start,
        end: i.end,
        summary: i.summary,
        description: i.description,
        url: i.url,
        status: i.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
        sequence: i.sequence,
        organizer: i.organizer,
        attendees: [i.attendee],
      },
    ],
    { method: i.method, prodId: '-//OpenAMS//Appointment Scheduler//EN', now: i.stamp },
  );

/** A time as people read it, in a zone: "Monday, March 9, 2026 at 9:00 AM EDT". */
export const readableTime = (d: Date, zone: string) =>
  DateTime.fromJSDate(d, { zone }).setLocale('en-US').toFormat("cccc, LLLL d, yyyy 'at' h:mm a ZZZZ");
