import { describe, expect, it } from 'vitest';
import { bucket, hourLabel, placeOf, spanDays, step, timeLabel, viewDays, viewTitle } from './calendar-model';

const NY = 'America/New_York';

describe('calendar views', () => {
  it('shows one day, a Sunday-to-Saturday week, or a 6-week month grid', () => {
    expect(viewDays('day', '2030-06-05')).toEqual(['2030-06-05']);
    expect(viewDays('week', '2030-06-05')).toEqual([
      '2030-06-02',
      '2030-06-03',
      '2030-06-04',
      '2030-06-05',
      '2030-06-06',
      '2030-06-07',
      '2030-06-08',
    ]);
    expect(viewDays('month', '2030-06-05')).toHaveLength(42);
  });
  it('steps by a day, a week, or a month (to the 1st)', () => {
    expect(step('day', '2030-12-31', 1)).toBe('2031-01-01');
    expect(step('week', '2030-06-05', -1)).toBe('2030-05-29');
    expect(step('month', '2030-01-31', 1)).toBe('2030-02-01');
    expect(step('month', '2030-01-15', -1)).toBe('2029-12-01');
  });
  it('titles', () => {
    expect(viewTitle('month', '2030-06-05')).toBe('June 2030');
    expect(viewTitle('week', '2030-06-05')).toBe('Jun 2 – Jun 8, 2030');
    expect(viewTitle('day', '2030-06-05')).toBe('Wednesday, June 5, 2030');
  });
});

describe('placing activities', () => {
  it('by start, else due, in the user’s zone', () => {
    expect(placeOf({ startsAt: '2030-06-05T03:30:00Z', dueAt: null }, NY)).toEqual({
      day: '2030-06-04',
      hour: 23,
      time: '23:30',
    });
    expect(placeOf({ startsAt: null, dueAt: '2030-06-05T13:00:00Z' }, NY)).toMatchObject({
      day: '2030-06-05',
      hour: 9,
    });
    expect(placeOf({ startsAt: null, dueAt: null }, NY)).toBeNull();
  });
  it('buckets by day and hour', () => {
    const { byDay, byHour } = bucket(
      [
        { startsAt: '2030-06-05T13:00:00Z', dueAt: null },
        { startsAt: null, dueAt: '2030-06-05T13:59:00Z' },
        { startsAt: '2030-06-05T14:00:00Z', dueAt: null },
      ],
      NY,
    );
    expect(byDay.get('2030-06-05')).toHaveLength(3);
    expect(byHour.get('2030-06-05 9')).toHaveLength(2);
    expect(byHour.get('2030-06-05 10')).toHaveLength(1);
  });
  it('an activity over several days is on each of them, in the user’s zone', () => {
    const conference = { startsAt: '2030-06-05T20:00:00Z', endsAt: '2030-06-07T15:00:00Z', dueAt: null };
    expect(spanDays(conference, NY)).toEqual(['2030-06-05', '2030-06-06', '2030-06-07']);
    // Ends exactly at midnight New York time: not on the next day.
    expect(spanDays({ ...conference, endsAt: '2030-06-07T04:00:00Z' }, NY)).toEqual([
      '2030-06-05',
      '2030-06-06',
    ]);
    // One minute past: it is.
    expect(spanDays({ ...conference, endsAt: '2030-06-07T04:01:00Z' }, NY)).toHaveLength(3);
    // The same instants in Kolkata start a day later.
    expect(spanDays(conference, 'Asia/Kolkata')).toEqual(['2030-06-06', '2030-06-07']);
    expect(spanDays({ startsAt: null, dueAt: '2030-06-05T13:00:00Z' }, NY)).toEqual(['2030-06-05']);
    expect(spanDays({ startsAt: '2030-06-05T13:00:00Z', endsAt: null, dueAt: null }, NY)).toEqual([
      '2030-06-05',
    ]);
    const { byDay, byHour } = bucket([conference], NY);
    expect([...byDay.keys()]).toEqual(['2030-06-05', '2030-06-06', '2030-06-07']);
    expect([...byHour.keys()]).toEqual(['2030-06-05 16', '2030-06-06 0', '2030-06-07 0']);
  });
  it('labels', () => {
    expect([0, 9, 12, 13].map(hourLabel)).toEqual(['12 AM', '9 AM', '12 PM', '1 PM']);
    expect(timeLabel('00:05')).toBe('12:05 AM');
    expect(timeLabel('15:30')).toBe('3:30 PM');
  });
});
