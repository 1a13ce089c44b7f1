import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { datesCovering, ZoneClock } from './zone-clock.ts';

const ZONES = [
  'America/New_York',
  'America/Phoenix',
  'Asia/Kolkata',
  'Europe/London',
  'Australia/Lord_Howe', // a 30-minute DST shift
  'Pacific/Chatham', // +12:45 / +13:45
  'America/St_Johns', // -03:30 / -02:30
  'UTC',
];
const from = Date.UTC(2026, 0, 1);
const to = Date.UTC(2027, 0, 1);

describe('ZoneClock agrees with luxon (the IANA database through Intl)', () => {
  it.each(ZONES)('%s: every quarter hour of 2026, both ways (repeated hours: the first)', (zone) => {
    const clock = new ZoneClock(zone, from, to);
    for (let wall = from; wall < to; wall += 15 * 60_000) {
      const d = new Date(wall);
      const expected = DateTime.fromObject(
        {
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hour: d.getUTCHours(),
          minute: d.getUTCMinutes(),
        },
        { zone },
      ).toMillis();
      const ours = clock.toInstant(wall);
      // The hour repeated when clocks go back: the first occurrence (RFC 5545, Temporal's default);
      // luxon's fromObject picks the second.
      const ambiguousFirst =
        ours < expected && clock.toWall(ours) === wall && clock.toWall(expected) === wall;
      if (ours !== expected && !ambiguousFirst)
        throw new Error(`${zone} ${d.toISOString()}: ${clock.toInstant(wall)} ≠ luxon ${expected}`);
    }
    for (let ts = from; ts < to; ts += 37 * 60_000) {
      const iso = DateTime.fromMillis(ts, { zone }).toISO({ suppressMilliseconds: true })!;
      const ours = clock.iso(Math.floor(ts / 1000) * 1000);
      if (
        ours !==
        DateTime.fromMillis(Math.floor(ts / 1000) * 1000, { zone }).toISO({ suppressMilliseconds: true })
      )
        throw new Error(`${zone} ${iso}: ${ours}`);
    }
  });

  it('the local dates an interval touches, DST days included', () => {
    const clock = new ZoneClock('America/New_York', from, to);
    const days = datesCovering(clock, Date.UTC(2026, 2, 7, 12), Date.UTC(2026, 2, 10, 3));
    expect(days.map((d) => `${d.iso}/${d.weekday}`)).toEqual([
      '2026-03-07/6',
      '2026-03-08/7',
      '2026-03-09/1',
    ]);
    expect(new Date(clock.startOf(days[2]!)).toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('refuses an unknown zone', () => {
    expect(() => new ZoneClock('Mars/Olympus', from, to)).toThrow(/Unknown time zone/);
  });
});
