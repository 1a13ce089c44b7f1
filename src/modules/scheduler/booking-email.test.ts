import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { mailText, type ReceivedMail, startSmtpServer } from '../../../test/support/smtp.ts';
import {
  book,
  createSchedule,
  newUser,
  publicRequest,
  slotsOn,
} from '../../../test/support/scheduler-fixtures.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ smtpUrl: smtp.url, workers: true });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** The decoded body of the MIME part whose Content-Type starts with `type` (base64 or quoted-printable). */
function mimePart(raw: string, type: string): { headers: string; body: string } {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const part = (boundary ? raw.split(`--${boundary}`) : [raw]).find((p) =>
    new RegExp(`Content-Type:\\s*${type.replace('/', '\\/')}`, 'i').test(p),
  );
  if (!part) throw new Error(`no ${type} part`);
  const [headers, ...rest] = part.replace(/^\r\n/, '').split(/\r\n\r\n/);
  const encoded = rest.join('\r\n\r\n').replace(/\r\n$/, '');
  const cte = /Content-Transfer-Encoding:\s*([\w-]+)/i.exec(headers!)?.[1]?.toLowerCase();
  const body =
    cte === 'base64'
      ? Buffer.from(encoded.replace(/\s+/g, ''), 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? Buffer.from(
            encoded
              .replace(/=\r\n/g, '')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : encoded;
  return { headers: headers!, body };
}

const mailTo = (mails: ReceivedMail[], address: string) => mails.find((m) => m.to.includes(address));

describe('booking emails over SMTP', () => {
  it('the booker gets a confirmation with an ICS invitation (METHOD:REQUEST) an independent parser reads; the user a notice', async () => {
    const a = await t.newAccount();
    const eric = await newUser(t, a, { firstName: 'Eric', email: `eric${Date.now()}@agency.test` });
    const s = await createSchedule(t, a, { userIds: [eric.id], name: 'Plan review; 30 min, by phone' });
    const [x] = await slotsOn(t, s.slug);
    const res = await book(t, s.slug, x!, {
      firstName: 'José',
      lastName: 'Núñez',
      email: 'jose.nunez@example.net',
      timeZone: 'Asia/Kolkata',
    });
    expect(res.statusCode, res.body).toBe(201);
    const mails = await smtp.waitFor(2);
    const confirmation = mailTo(mails, 'jose.nunez@example.net')!;
    const notice = mailTo(mails, eric.email)!;
    expect(mailText(notice.raw)).toContain(`http://openams.test/leads/`);
    expect(mimePart(notice.raw, 'text/plain').body).toContain('Email: jose.nunez@example.net');

    const text = mimePart(confirmation.raw, 'text/plain').body;
    expect(text).toContain(res.json().manageUrl);
    expect(text).toContain('(Asia/Kolkata)');
    expect(text).toMatch(/GMT\+5:30/);
    const ics = mimePart(confirmation.raw, 'text/calendar');
    expect(ics.headers).toMatch(/method=REQUEST/i);
    expect(ics.headers).toMatch(/invite\.ics/);

    const cal = new ICAL.Component(ICAL.parse(ics.body));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevent = cal.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(`${res.json().id}@openams`);
    expect(event.summary).toBe(
      `Plan review; 30 min, by phone with Eric Seller (${(await a.admin.get('/api/v1/account')).json().name})`,
    );
    expect(event.startDate.toJSDate().getTime()).toBe(Date.parse(x!));
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(30 * 60_000);
    expect(event.sequence).toBe(0);
    expect(String(vevent.getFirstPropertyValue('organizer'))).toBe(`mailto:${eric.email}`);
    expect(String(vevent.getFirstPropertyValue('attendee'))).toBe('mailto:jose.nunez@example.net');
    expect(vevent.getFirstProperty('attendee')!.getParameter('cn')).toBe('José Núñez');
    expect(String(vevent.getFirstPropertyValue('url'))).toBe(res.json().manageUrl);

    // Cancelling sends the same UID with METHOD:CANCEL and a higher SEQUENCE.
    const cancelled = await publicRequest(t, 'DELETE', `/bookings/${res.json().manageToken}`);
    expect(cancelled.statusCode).toBe(200);
    const all = await smtp.waitFor(4);
    const cancel = all.slice(2).find((m) => m.to.includes('jose.nunez@example.net'))!;
    const cancelCal = new ICAL.Component(ICAL.parse(mimePart(cancel.raw, 'text/calendar').body));
    expect(cancelCal.getFirstPropertyValue('method')).toBe('CANCEL');
    const cancelEvent = new ICAL.Event(cancelCal.getFirstSubcomponent('vevent')!);
    expect(cancelEvent.uid).toBe(event.uid);
    expect(cancelEvent.sequence).toBe(1);
    expect(cancelCal.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
