import { describe, expect, it } from 'vitest';
import {
  checkSlot,
  dayRange,
  horizonEnd,
  hoursProblems,
  isoInZone,
  openSlots,
  type Hours,
  type SlotRules,
  type SlotUser,
  type WeeklyHours,
} from './slots.ts';

const NONE: WeeklyHours = {
  monday: [],
  tuesday: [],
  wednesday: [],
  thursday: [],
  friday: [],
  saturday: [],
  sunday: [],
};
const nineToFive = { start: '09:00', end: '17:00' };
const WEEKDAYS_9_5: WeeklyHours = {
  ...NONE,
  monday: [nineToFive],
  tuesday: [nineToFive],
  wednesday: [nineToFive],
  thursday: [nineToFive],
  friday: [nineToFive],
};

const rules = (over: Partial<SlotRules> = {}): SlotRules => ({
  timeZone: 'America/New_York',
  weeklyHours: WEEKDAYS_9_5,
  dateOverrides: [],
  daysOff: [],
  lengthMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 0,
  horizonDays: 400,
  ...over,
});
const ms = (iso: string) => Date.parse(iso);
const T0 = ms('2026-01-01T00:00:00Z');
const user = (userId: string, busy: [string, string][] = [], hours: Hours | null = null): SlotUser => ({
  userId,
  hours,
  busy: busy.map(([s, e]) => ({ start: ms(s), end: ms(e) })),
});
const iso = (t: number) => new Date(t).toISOString();
const starts = (list: { start: number }[]) => list.map((s) => iso(s.start));

/** All open slots on one local date of the schedule's zone. */
function slotsOn(r: SlotRules, date: string, users: SlotUser[] = [user('u1')], now = '2026-01-01T00:00:00Z') {
  const range = dayRange(date, date, r.timeZone)!;
  return openSlots({ rules: r, users, now: ms(now), ...range });
}

describe('the grid: slots step by the appointment length inside the hours', () => {
  it('a plain weekday in New York: 09:00–17:00 local with 60-minute slots', () => {
    const s = slotsOn(rules(), '2026-01-05');
    expect(s).toHaveLength(8);
    expect(iso(s[0]!.start)).toBe('2026-01-05T14:00:00.000Z');
    expect(iso(s.at(-1)!.end)).toBe('2026-01-05T22:00:00.000Z');
    expect(slotsOn(rules(), '2026-01-04')).toEqual([]); // Sunday: no hours
  });

  it('a slot that would cross the end of the hours is not offered', () => {
    const r = rules({
      weeklyHours: { ...NONE, monday: [{ start: '09:00', end: '10:45' }] },
      lengthMinutes: 30,
    });
    expect(starts(slotsOn(r, '2026-01-05'))).toEqual([
      '2026-01-05T14:00:00.000Z',
      '2026-01-05T14:30:00.000Z',
      '2026-01-05T15:00:00.000Z',
    ]);
    expect(checkSlot({ rules: r, users: [user('u1')], now: T0, start: ms('2026-01-05T15:30:00Z') })).toEqual({
      ok: false,
      reason: 'outside_hours',
    });
  });

  it('each range of a day starts its own grid (a lunch break, an odd start)', () => {
    const r = rules({
      weeklyHours: {
        ...NONE,
        monday: [
          { start: '13:10', end: '14:10' },
          { start: '09:00', end: '10:00' },
        ],
      },
      lengthMinutes: 30,
    });
    expect(starts(slotsOn(r, '2026-01-05'))).toEqual([
      '2026-01-05T14:00:00.000Z',
      '2026-01-05T14:30:00.000Z',
      '2026-01-05T18:10:00.000Z',
      '2026-01-05T18:40:00.000Z',
    ]);
    const off = checkSlot({ rules: r, users: [user('u1')], now: T0, start: ms('2026-01-05T14:15:00Z') });
    expect(off).toEqual({ ok: false, reason: 'off_grid' });
  });

  it('hours may run to midnight (24:00)', () => {
    const r = rules({ weeklyHours: { ...NONE, monday: [{ start: '22:00', end: '24:00' }] } });
    expect(starts(slotsOn(r, '2026-01-05'))).toEqual([
      '2026-01-06T03:00:00.000Z',
      '2026-01-06T04:00:00.000Z',
    ]);
  });
});

describe('DST weeks', () => {
  it('New York, spring forward (Sun 8 Mar 2026): 09:00 local is 14:00Z on Friday and 13:00Z on Monday', () => {
    const r = rules();
    expect(iso(slotsOn(r, '2026-03-06')[0]!.start)).toBe('2026-03-06T14:00:00.000Z');
    expect(iso(slotsOn(r, '2026-03-09')[0]!.start)).toBe('2026-03-09T13:00:00.000Z');
    expect(slotsOn(r, '2026-03-09')).toHaveLength(8);
  });

  it('New York, the night of the change: 01:00–04:00 local is only two hours long', () => {
    const r = rules({ weeklyHours: { ...NONE, sunday: [{ start: '01:00', end: '04:00' }] } });
    const s = slotsOn(r, '2026-03-08');
    expect(starts(s)).toEqual(['2026-03-08T06:00:00.000Z', '2026-03-08T07:00:00.000Z']);
    expect(s.map((x) => isoInZone(x.start, 'America/New_York'))).toEqual([
      '2026-03-08T01:00:00-05:00',
      '2026-03-08T03:00:00-04:00',
    ]);
  });

  it('New York, fall back (Sun 1 Nov 2026): 01:00–03:00 local is three hours, 01:00 comes twice', () => {
    const r = rules({ weeklyHours: { ...NONE, sunday: [{ start: '01:00', end: '03:00' }] } });
    const s = slotsOn(r, '2026-11-01');
    expect(s.map((x) => isoInZone(x.start, 'America/New_York'))).toEqual([
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:00:00-05:00',
      '2026-11-01T02:00:00-05:00',
    ]);
    // The week after: 09:00 local is 14:00Z again.
    expect(iso(slotsOn(rules(), '2026-11-02')[0]!.start)).toBe('2026-11-02T14:00:00.000Z');
    expect(iso(slotsOn(rules(), '2026-10-30')[0]!.start)).toBe('2026-10-30T13:00:00.000Z');
  });

  it('Phoenix keeps 09:00 = 16:00Z through both DST weeks', () => {
    const r = rules({ timeZone: 'America/Phoenix' });
    for (const d of ['2026-03-06', '2026-03-09', '2026-10-30', '2026-11-02'])
      expect(iso(slotsOn(r, d)[0]!.start)).toBe(`${d}T16:00:00.000Z`);
  });

  it('a Phoenix user on a New York schedule: their hours shift against it at the DST change', () => {
    const phoenixMorning: Hours = {
      timeZone: 'America/Phoenix',
      weeklyHours: {
        ...NONE,
        friday: [{ start: '08:00', end: '10:00' }],
        monday: [{ start: '08:00', end: '10:00' }],
      },
      dateOverrides: [],
      daysOff: [],
    };
    const u = [user('az', [], phoenixMorning)];
    // Friday 6 Mar: NY is UTC-5, Phoenix UTC-7: 08:00–10:00 AZ = 10:00–12:00 NY.
    expect(slotsOn(rules(), '2026-03-06', u).map((s) => isoInZone(s.start, 'America/New_York'))).toEqual([
      '2026-03-06T10:00:00-05:00',
      '2026-03-06T11:00:00-05:00',
    ]);
    // Monday 9 Mar: NY is UTC-4: 08:00–10:00 AZ = 11:00–13:00 NY.
    expect(slotsOn(rules(), '2026-03-09', u).map((s) => isoInZone(s.start, 'America/New_York'))).toEqual([
      '2026-03-09T11:00:00-04:00',
      '2026-03-09T12:00:00-04:00',
    ]);
  });
});

describe('a booker in another zone', () => {
  it('Asia/Kolkata (+05:30): their date picks the instants, and times carry their offset', () => {
    const r = rules();
    // 10 Mar in Kolkata = 9 Mar 18:30Z – 10 Mar 18:30Z: NY Monday 14:30Z-on slots, then Tuesday's 13:00Z–18:00Z.
    const range = dayRange('2026-03-10', '2026-03-10', 'Asia/Kolkata')!;
    expect(iso(range.from)).toBe('2026-03-09T18:30:00.000Z');
    const s = openSlots({ rules: r, users: [user('u1')], now: ms('2026-01-01T00:00:00Z'), ...range });
    expect(s.map((x) => isoInZone(x.start, 'Asia/Kolkata'))).toEqual([
      '2026-03-10T00:30:00+05:30', // Mon 15:00 NY (19:00Z)
      '2026-03-10T01:30:00+05:30', // Mon 16:00 NY
      '2026-03-10T18:30:00+05:30', // Tue 09:00 NY (13:00Z)
      '2026-03-10T19:30:00+05:30',
      '2026-03-10T20:30:00+05:30',
      '2026-03-10T21:30:00+05:30',
      '2026-03-10T22:30:00+05:30',
      '2026-03-10T23:30:00+05:30',
    ]);
  });

  it('rejects a date that does not exist', () => {
    expect(dayRange('2026-02-30', '2026-03-01', 'Asia/Kolkata')).toBeNull();
  });
});

describe('minimum notice and horizon', () => {
  it('a slot exactly at now + notice is offered; a millisecond later it is not', () => {
    const r = rules({ minimumNoticeMinutes: 120 });
    const now = ms('2026-01-05T12:00:00Z'); // 07:00 NY; +2 h = 09:00 NY
    const at = openSlots({
      rules: r,
      users: [user('u1')],
      now,
      ...dayRange('2026-01-05', '2026-01-05', r.timeZone)!,
    });
    expect(iso(at[0]!.start)).toBe('2026-01-05T14:00:00.000Z');
    const later = openSlots({
      rules: r,
      users: [user('u1')],
      now: now + 1,
      from: 0,
      to: ms('2026-01-06T00:00:00Z'),
    });
    expect(iso(later[0]!.start)).toBe('2026-01-05T15:00:00.000Z');
    expect(
      checkSlot({ rules: r, users: [user('u1')], now: now + 1, start: ms('2026-01-05T14:00:00Z') }),
    ).toEqual({
      ok: false,
      reason: 'notice',
    });
    expect(checkSlot({ rules: r, users: [user('u1')], now, start: ms('2026-01-05T11:00:00Z') })).toEqual({
      ok: false,
      reason: 'past',
    });
  });

  it('the horizon is whole days in the schedule zone: today plus horizonDays - 1', () => {
    const r = rules({
      horizonDays: 2,
      weeklyHours: { ...WEEKDAYS_9_5, wednesday: [{ start: '00:00', end: '24:00' }] },
    });
    const now = ms('2026-01-05T22:00:00Z'); // Monday 17:00 NY
    expect(iso(horizonEnd(r, now))).toBe('2026-01-07T05:00:00.000Z'); // Wednesday 00:00 NY
    const s = openSlots({ rules: r, users: [user('u1')], now, from: now, to: ms('2026-02-01T00:00:00Z') });
    expect(iso(s.at(-1)!.start)).toBe('2026-01-06T21:00:00.000Z'); // Tuesday 16:00 NY, the last
    expect(checkSlot({ rules: r, users: [user('u1')], now, start: ms('2026-01-07T05:00:00Z') })).toEqual({
      ok: false,
      reason: 'horizon',
    });
    expect(checkSlot({ rules: r, users: [user('u1')], now, start: ms('2026-01-06T21:00:00Z') }).ok).toBe(
      true,
    );
  });
});

describe('buffers and busy time', () => {
  const r = rules({ lengthMinutes: 15, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 });
  const busy = user('u1', [['2026-01-05T15:00:00Z', '2026-01-05T15:30:00Z']]); // 10:00–10:30 NY
  const open = (at: string) => checkSlot({ rules: r, users: [busy], now: T0, start: ms(at) }).ok;

  it('a slot ending exactly where the buffer before an appointment starts is free; one later is not', () => {
    expect(open('2026-01-05T14:30:00Z')).toBe(true); // 09:30–09:45, +15 after = 10:00: touches
    expect(open('2026-01-05T14:45:00Z')).toBe(false); // 09:45–10:00: its buffer after overlaps
  });

  it('a slot starting exactly at the end of the buffer after an appointment is free', () => {
    expect(open('2026-01-05T15:30:00Z')).toBe(false); // 10:30: needs 15 free minutes before
    expect(open('2026-01-05T15:45:00Z')).toBe(true); // 10:45: touches
  });

  it('without buffers, back-to-back appointments touch', () => {
    const plain = rules({ lengthMinutes: 30 });
    const ok = (at: string) => checkSlot({ rules: plain, users: [busy], now: T0, start: ms(at) });
    expect(ok('2026-01-05T14:30:00Z').ok).toBe(true);
    expect(ok('2026-01-05T15:00:00Z')).toEqual({ ok: false, reason: 'taken' });
    expect(ok('2026-01-05T15:30:00Z').ok).toBe(true);
  });

  it('a long appointment that began before the range still blocks', () => {
    const u = user('u1', [['2026-01-04T00:00:00Z', '2026-01-05T16:00:00Z']]);
    expect(iso(slotsOn(rules(), '2026-01-05', [u])[0]!.start)).toBe('2026-01-05T16:00:00.000Z');
  });
});

describe('overrides and days off', () => {
  it('an override replaces the weekday hours on its date; an empty one closes the day', () => {
    const r = rules({
      dateOverrides: [
        { date: '2026-01-05', hours: [{ start: '12:00', end: '14:00' }] },
        { date: '2026-01-06', hours: [] },
        { date: '2026-01-10', hours: [{ start: '10:00', end: '11:00' }] }, // a Saturday
      ],
    });
    expect(starts(slotsOn(r, '2026-01-05'))).toEqual([
      '2026-01-05T17:00:00.000Z',
      '2026-01-05T18:00:00.000Z',
    ]);
    expect(slotsOn(r, '2026-01-06')).toEqual([]);
    expect(starts(slotsOn(r, '2026-01-10'))).toEqual(['2026-01-10T15:00:00.000Z']);
    expect(slotsOn(r, '2026-01-07')).toHaveLength(8);
  });

  it('a day off wins, on the schedule and on a user’s own hours', () => {
    expect(slotsOn(rules({ daysOff: ['2026-01-05'] }), '2026-01-05')).toEqual([]);
    const own: Hours = {
      timeZone: 'America/New_York',
      weeklyHours: WEEKDAYS_9_5,
      dateOverrides: [],
      daysOff: ['2026-01-05'],
    };
    const s = slotsOn(rules(), '2026-01-05', [user('off', [], own), user('on')]);
    expect(new Set(s.map((x) => x.userId))).toEqual(new Set(['on']));
    expect(
      checkSlot({
        rules: rules(),
        users: [user('off', [], own)],
        now: T0,
        start: ms('2026-01-05T14:00:00Z'),
      }),
    ).toEqual({ ok: false, reason: 'outside_hours' });
  });
});

describe('the ordered user list', () => {
  it('each slot goes to the first available user in list order; a slot is open while anyone is free', () => {
    const a = user('a', [['2026-01-05T14:00:00Z', '2026-01-05T15:00:00Z']]);
    const b = user('b', [
      ['2026-01-05T14:00:00Z', '2026-01-05T15:00:00Z'],
      ['2026-01-05T15:00:00Z', '2026-01-05T16:00:00Z'],
    ]);
    const c = user('c');
    const s = slotsOn(rules(), '2026-01-05', [a, b, c]);
    expect(s.slice(0, 3).map((x) => x.userId)).toEqual(['c', 'a', 'a']);
    const all = slotsOn(rules(), '2026-01-05', [
      user('a', [['2026-01-05T14:00:00Z', '2026-01-05T15:00:00Z']]),
      user('b', [['2026-01-05T14:00:00Z', '2026-01-05T15:00:00Z']]),
    ]);
    expect(iso(all[0]!.start)).toBe('2026-01-05T15:00:00.000Z');
    const check = checkSlot({ rules: rules(), users: [a, b, c], now: T0, start: ms('2026-01-05T15:00:00Z') });
    expect(check).toMatchObject({ ok: true, free: ['a', 'c'] });
  });

  it('no users, no slots', () => {
    expect(slotsOn(rules(), '2026-01-05', [])).toEqual([]);
  });
});

describe('hours validation', () => {
  it('lists every bad range: format, end before start, overlaps, a date twice', () => {
    const problems = hoursProblems({
      weeklyHours: {
        ...NONE,
        monday: [
          { start: '9:00', end: '10:00' },
          { start: '12:00', end: '11:00' },
        ],
        tuesday: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '13:00' },
        ],
        wednesday: [{ start: '24:00', end: '24:00' }],
      },
      dateOverrides: [
        { date: '2026-01-05', hours: [] },
        { date: '2026-01-05', hours: [{ start: '08:00', end: '24:00' }] },
      ],
      daysOff: [],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'weeklyHours.monday.0',
      'weeklyHours.monday.1.end',
      'weeklyHours.tuesday.1',
      'weeklyHours.wednesday.0',
      'dateOverrides.1.date',
    ]);
  });
});
