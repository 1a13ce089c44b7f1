import type { OutgoingEmail } from '../email/index.ts';
import type { BookingAnswer } from './booking-rules.ts';
import { inviteIcs, readableTime } from './invite.ts';

/** The emails of a booking: the booker's confirmation (with the invitation) and the user's notice. */

export type BookingMail = {
  event: 'booked' | 'rescheduled' | 'cancelled';
  bookingId: string;
  sequence: number;
  scheduleName: string;
  agencyName: string;
  start: Date;
  end: Date;
  booker: { firstName: string; lastName: string; email: string; phone: string | null; timeZone: string };
  user: { firstName: string; lastName: string; email: string; timeZone: string };
  answers: BookingAnswer[];
  manageUrl: string;
  recordUrl: string;
  now: Date;
};

const answerLines = (answers: BookingAnswer[]) =>
  answers.map((a) => `${a.label}: ${typeof a.answer === 'boolean' ? (a.answer ? 'Yes' : 'No') : a.answer}`);

export function bookerEmail(m: BookingMail): OutgoingEmail {
  const when = readableTime(m.start, m.booker.timeZone);
  const userName = `${m.user.firstName} ${m.user.lastName}`;
  const subject =
    m.event === 'cancelled'
      ? `Cancelled: ${m.scheduleName} on ${when}`
      : `${m.event === 'rescheduled' ? 'Moved' : 'Confirmed'}: ${m.scheduleName} on ${when}`;
  const text = [
    `Hello ${m.booker.firstName},`,
    '',
    m.event === 'cancelled'
      ? `Your appointment with ${userName} of ${m.agencyName} on ${when} is cancelled.`
      : `Your appointment with ${userName} of ${m.agencyName} is ${m.event === 'rescheduled' ? 'now' : 'booked'} for ${when} (${m.booker.timeZone}).`,
    '',
    ...(m.event === 'cancelled'
      ? [`To book another time, visit the booking page again.`]
      : [
          `To cancel or choose another time: ${m.manageUrl}`,
          '',
          'The attached invitation adds it to your calendar.',
        ]),
  ].join('\n');
  const ics = inviteIcs({
    method: m.event === 'cancelled' ? 'CANCEL' : 'REQUEST',
    uid: `${m.bookingId}@openams`,
    sequence: m.sequence,
    start: m.start,
    end: m.end,
    stamp: m.now,
    summary: `${m.scheduleName} with ${userName} (${m.agencyName})`,
    description: `Cancel or reschedule: ${m.manageUrl}`,
    url: m.manageUrl,
    organizer: { name: userName, email: m.user.email },
    attendee: { name: `${m.booker.firstName} ${m.booker.lastName}`, email: m.booker.email },
  });
  return {
    kind: `booking.${m.event}`,
    to: m.booker.email,
    subject,
    text,
    attachments: [
      {
        filename: m.event === 'cancelled' ? 'cancel.ics' : 'invite.ics',
        contentType: `text/calendar; method=${m.event === 'cancelled' ? 'CANCEL' : 'REQUEST'}; charset=utf-8`,
        content: ics,
      },
    ],
  };
}

export function userNoticeEmail(m: BookingMail): OutgoingEmail {
  const when = readableTime(m.start, m.user.timeZone);
  const who = `${m.booker.firstName} ${m.booker.lastName}`;
  const verb = m.event === 'cancelled' ? 'cancelled' : m.event === 'rescheduled' ? 'moved to' : 'booked';
  return {
    kind: `booking.${m.event}.notice`,
    to: m.user.email,
    subject:
      m.event === 'cancelled'
        ? `Cancelled: ${who}, ${when}`
        : `${m.event === 'rescheduled' ? 'Moved' : 'New appointment'}: ${who}, ${when}`,
    text: [
      `${who} ${verb} ${m.event === 'cancelled' ? `the appointment on ${when}` : when} through "${m.scheduleName}".`,
      '',
      `Email: ${m.booker.email}`,
      `Phone: ${m.booker.phone ?? '—'}`,
      ...answerLines(m.answers),
      '',
      `Record: ${m.recordUrl}`,
    ].join('\n'),
  };
}
