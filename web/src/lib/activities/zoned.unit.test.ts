import { describe, expect, it } from 'vitest';
import { addDays, fromLocalInput, monthGridDays, startOfWeek, toLocalInput, wallOf, zonedIso } from './zoned';

const NY = 'America/New_York';
const PHX = 'America/Phoenix';

describe('zoned wall-clock times', () => {
  it.each<[string, string, string, string]>([
    ['a winter morning in New York', '2030-01-15', '09:00', '2030-01-15T14:00:00.000Z'],
    ['a summer morning in New York', '2030-07-15', '09:00', '2030-07-15T13:00:00.000Z'],
    ['after the spring-forward gap', '2030-03-10', '03:30', '2030-03-10T07:30:00.000Z'],
    ['before the gap', '2030-03-10', '01:30', '2030-03-10T06:30:00.000Z'],
    ['00:30 on fall-back night (EDT)', '2030-11-03', '00:30', '2030-11-03T04:30:00.000Z'],
    [
      'the first 01:30 on fall-back night (EDT, not the repeated EST one)',
      '2030-11-03',
      '01:30',
      '2030-11-03T05:30:00.000Z',
    ],
    [
      '02:30 on fall-back night (EST, after the repeated hour)',
      '2030-11-03',
      '02:30',
      '2030-11-03T07:30:00.000Z',
    ],
    ['after fall-back', '2030-11-03', '03:00', '2030-11-03T08:00:00.000Z'],
    ['late evening', '2030-07-15', '23:45', '2030-07-16T03:45:00.000Z'],
  ])('%s', (_n, day, time, iso) => {
    expect(zonedIso(day, time, NY)).toBe(iso);
    expect(wallOf(iso, NY)).toEqual({ day, time });
  });

  it('02:30 on spring-forward night does not exist: it is 03:30 EDT, never the hour before', () => {
    expect(zonedIso('2030-03-10', '02:30', NY)).toBe('2030-03-10T07:30:00.000Z');
    expect(wallOf('2030-03-10T07:30:00.000Z', NY)).toEqual({ day: '2030-03-10', time: '03:30' });
  });

  it('Phoenix has no DST: the same offset all year', () => {
    expect(zonedIso('2030-03-10', '09:00', PHX)).toBe('2030-03-10T16:00:00.000Z');
    expect(zonedIso('2030-07-10', '09:00', PHX)).toBe('2030-07-10T16:00:00.000Z');
  });

  it('round-trips datetime-local values', () => {
    expect(toLocalInput('2030-07-15T13:00:00.000Z', NY)).toBe('2030-07-15T09:00');
    expect(fromLocalInput('2030-07-15T09:00', NY)).toBe('2030-07-15T13:00:00.000Z');
    expect(fromLocalInput('', NY)).toBeNull();
    expect(toLocalInput(null, NY)).toBe('');
  });
});

describe('calendar days', () => {
  it('adds days across months and years', () => {
    expect(addDays('2030-12-31', 1)).toBe('2031-01-01');
    expect(addDays('2030-03-01', -1)).toBe('2030-02-28');
  });
  it('weeks start on Sunday; a month grid is 6 weeks from the Sunday before the 1st', () => {
    expect(startOfWeek('2030-06-05')).toBe('2030-06-02'); // a Wednesday
    expect(startOfWeek('2030-06-02')).toBe('2030-06-02');
    const grid = monthGridDays('2030-06-17');
    expect(grid).toHaveLength(42);
    expect(grid[0]).toBe('2030-05-26');
    expect(grid[41]).toBe('2030-07-06');
  });
});
