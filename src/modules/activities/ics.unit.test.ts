import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, type IcsEvent, serializeCalendar, utcStamp } from './ics.ts';

/** Parse with an independent parser (ical.js) and return the calendar component. */
const parse = (text: string) => new ICAL.Component(ICAL.parse(text));

const NOW = new Date('2030-03-01T12:00:00.000Z');

const base: IcsEvent = {
  uid: '0190abcd-0000-7000-8000-000000000001@openams.test',
  start: new Date('2030-03-10T06:30:00Z'), // 01:30 EST, the night DST starts in New York
  end: new Date('2030-03-10T07:30:00Z'), // 03:30 EDT
  summary: 'Medicare review',
};

describe('serializeCalendar', () => {
  it('writes a calendar an independent parser reads back field by field', () => {
    const text = serializeCalendar(
      [
        {
          ...base,
          description: 'Bring the card',
          location: 'Office',
          url: 'https://openams.test/sales-records/1',
          status: 'CONFIRMED',
          sequence: 2,
          created: new Date('2030-02-01T10:00:00Z'),
          lastModified: new Date('2030-02-02T10:00:00Z'),
          organizer: { email: 'agent@example.test', name: 'Ann Agent, CLU' },
          attendees: [{ email: 'booker@example.test', name: 'Bo Booker' }],
          categories: ['Appointment'],
        },
      ],
      { method: 'REQUEST', name: 'Ann’s activities', now: NOW },
    );
    const cal = parse(text);
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//OpenAMS//OpenAMS Calendar//EN');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Ann’s activities');
    const [vevent] = cal.getAllSubcomponents('vevent');
    const ev = new ICAL.Event(vevent);
    expect(ev.uid).toBe(base.uid);
    expect(ev.summary).toBe('Medicare review');
    expect(ev.description).toBe('Bring the card');
    expect(ev.location).toBe('Office');
    expect(ev.sequence).toBe(2);
    // UTC times, whatever zone the server or the subscriber is in.
    expect(ev.startDate.zone?.tzid).toBe('UTC');
    expect(ev.startDate.toJSDate().toISOString()).toBe('2030-03-10T06:30:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2030-03-10T07:30:00.000Z');
    // Across the DST change the duration is one real hour.
    expect(ev.duration.toSeconds()).toBe(3600);
    // …and in New York time the event runs 01:30 EST → 03:30 EDT.
    const ny = (d: Date) =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/New_York',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'short',
      }).format(d);
    expect(ny(ev.startDate.toJSDate())).toBe('01:30 EST');
    expect(ny(ev.endDate.toJSDate())).toBe('03:30 EDT');
    expect(vevent!.getFirstPropertyValue('dtstamp')!.toString()).toBe('2030-03-01T12:00:00Z');
    expect(vevent!.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent!.getFirstPropertyValue('url')).toBe('https://openams.test/sales-records/1');
    expect(vevent!.getFirstPropertyValue('created')!.toString()).toBe('2030-02-01T10:00:00Z');
    expect(vevent!.getFirstPropertyValue('last-modified')!.toString()).toBe('2030-02-02T10:00:00Z');
    expect(vevent!.getFirstPropertyValue('categories')).toBe('Appointment');
    const org = vevent!.getFirstProperty('organizer')!;
    expect(org.getFirstValue()).toBe('mailto:agent@example.test');
    expect(org.getParameter('cn')).toBe('Ann Agent, CLU');
    const att = vevent!.getFirstProperty('attendee')!;
    expect(att.getFirstValue()).toBe('mailto:booker@example.test');
    expect(att.getParameter('cn')).toBe('Bo Booker');
  });

  it('uses CRLF line ends only and ends with one', () => {
    const text = serializeCalendar([base], { now: NOW });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).not.toContain('METHOD:'); // only when asked
  });

  it('escapes comma, semicolon, backslash and every kind of line break, and they round-trip', () => {
    const nasty = 'a,b;c\\d\ne\r\nf\rg: h';
    const text = serializeCalendar([{ ...base, summary: nasty, description: nasty }], { now: NOW });
    expect(text).toContain('SUMMARY:a\\,b\\;c\\\\d\\ne\\nf\\ng: h\r\n');
    const ev = new ICAL.Event(parse(text).getFirstSubcomponent('vevent')!);
    expect(ev.summary).toBe('a,b;c\\d\ne\nf\ng: h');
    expect(ev.description).toBe('a,b;c\\d\ne\nf\ng: h');
  });

  it('folds long lines at 75 octets without splitting UTF-8 characters, and unfolds to the original', () => {
    const long = `${'Résumé — ünïcødé 日本語 '.repeat(12)}end`;
    const text = serializeCalendar([{ ...base, description: long }], { now: NOW });
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
    const descLines = text
      .split('\r\n')
      .filter(
        (l, i, all) =>
          l.startsWith('DESCRIPTION:') ||
          (l.startsWith(' ') && all.slice(0, i).some((x) => x.startsWith('DESCRIPTION:'))),
      );
    expect(descLines.length).toBeGreaterThan(3);
    const ev = new ICAL.Event(parse(text).getFirstSubcomponent('vevent')!);
    expect(ev.description).toBe(long);
  });

  it('writes all-day events as DATE values and instants without DTEND', () => {
    const text = serializeCalendar(
      [
        { ...base, uid: 'a', allDay: { startDate: '2030-12-25', endDate: '2030-12-26' } },
        { ...base, uid: 'b', end: null },
        { ...base, uid: 'c', end: base.start }, // zero length: DTEND must be later, so none
      ],
      { now: NOW },
    );
    const [a, b, c] = parse(text)
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(a!.startDate.isDate).toBe(true);
    expect(a!.startDate.toString()).toBe('2030-12-25');
    expect(a!.endDate.toString()).toBe('2030-12-26');
    expect(text).toContain('DTSTART;VALUE=DATE:20301225\r\n');
    for (const e of [b!, c!]) {
      expect(e.component.hasProperty('dtend')).toBe(false);
      expect(e.startDate.toJSDate().toISOString()).toBe('2030-03-10T06:30:00.000Z');
    }
  });

  it('quotes a parameter holding a colon and drops double quotes', () => {
    const text = serializeCalendar([{ ...base, organizer: { email: 'a@b.test', name: 'Dr. "Who": Time' } }], {
      now: NOW,
    });
    expect(text).toContain('ORGANIZER;CN="Dr. Who: Time":mailto:a@b.test');
    const org = parse(text).getFirstSubcomponent('vevent')!.getFirstProperty('organizer')!;
    expect(org.getParameter('cn')).toBe('Dr. Who: Time');
  });

  it('an empty list is still a valid calendar', () => {
    const cal = parse(serializeCalendar([], { now: NOW, method: 'PUBLISH' }));
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(0);
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
  });
});

describe('pieces', () => {
  it('utcStamp drops milliseconds and pads', () => {
    expect(utcStamp(new Date('0999-01-02T03:04:05.678Z'))).toBe('09990102T030405Z');
    expect(() => utcStamp(new Date('nope'))).toThrow(RangeError);
  });
  it('escapeText removes control characters other than line breaks and tab (allowed in TEXT)', () => {
    expect(escapeText('a\u0007b\tc\u001f')).toBe('ab\tc');
  });
  it('foldLine leaves 75 octets alone and folds 76', () => {
    const l75 = 'X'.repeat(75);
    expect(foldLine(l75)).toBe(l75);
    expect(foldLine(`${l75}Y`)).toBe(`${l75}\r\n Y`);
    // A 2-byte character straddling octet 75 moves whole to the next line.
    const straddle = `${'X'.repeat(74)}é`;
    expect(foldLine(straddle)).toBe(`${'X'.repeat(74)}\r\n é`);
  });
});
