import { describe, expect, it } from 'vitest';
import { STATE_RULES, stateHours } from './state-rules.ts';
import { isUsHoliday, usFederalHolidays } from './us-holidays.ts';

const hours = (state: string | undefined, date: string) => {
  const w = stateHours(state, date, new Date(`${date}T00:00:00Z`).getUTCDay());
  return w ? `${w.start / 60}–${w.end / 60}` : 'none';
};

describe('state hours (spec §2.3)', () => {
  // 2026-06-10 Wednesday, 06-13 Saturday, 06-14 Sunday; 2026-12-25 Friday (Christmas).
  it.each([
    ['FL', '8–20', '8–20', '8–20', '8–20'],
    ['OK', '8–20', '8–20', '8–20', '8–20'],
    ['MD', '8–20', '8–20', '8–20', '8–20'],
    ['WA', '8–20', '8–20', '8–20', '8–20'],
    ['AL', '8–20', '8–20', 'none', 'none'],
    ['LA', '8–20', '8–20', 'none', 'none'],
    ['MS', '8–20', '8–20', 'none', 'none'],
    ['CT', '9–20', '9–20', '9–20', '9–20'],
    ['KY', '10–21', '10–21', '10–21', '10–21'],
    ['MA', '8–20', '8–20', '8–20', '8–20'],
    ['MI', '9–21', '9–21', '9–21', '9–21'],
    ['MN', '9–21', '9–21', '9–21', '9–21'],
    ['NM', '9–21', '9–21', '9–21', '9–21'],
    ['NV', '9–20', '9–20', '9–20', '9–20'],
    ['PA', '8–21', '8–12', '8–21', 'none'],
    ['RI', '9–18', '10–17', 'none', 'none'],
    ['UT', '8–21', '8–21', '8–21', 'none'],
    ['NY', '0–24', '0–24', '0–24', '0–24'],
  ])('%s: weekday %s, Saturday %s, Sunday %s, Christmas %s', (state, weekday, sat, sun, xmas) => {
    expect([
      hours(state, '2026-06-10'),
      hours(state, '2026-06-13'),
      hours(state, '2026-06-14'),
      hours(state, '2026-12-25'),
    ]).toEqual([weekday, sat, sun, xmas]);
  });
  it('unknown state: the strictest of all (weekday 10–18, Saturday 10–12, Sunday and holidays none)', () => {
    expect([
      hours(undefined, '2026-06-10'),
      hours(undefined, '2026-06-13'),
      hours(undefined, '2026-06-14'),
      hours(undefined, '2026-12-25'),
    ]).toEqual(['10–18', '10–12', 'none', 'none']);
  });
  it('every rule names a citation and its sources', () => {
    for (const [state, rule] of Object.entries(STATE_RULES)) {
      expect(rule.citation, state).not.toBe('');
      expect(rule.sources, state).not.toBe('');
    }
  });
  it('lower-case state codes work', () => {
    expect(hours('fl', '2026-06-10')).toBe('8–20');
  });
});

describe('US federal holidays', () => {
  it('2026, with observed days', () => {
    expect(usFederalHolidays(2026).map((h) => [h.date, h.observed])).toEqual([
      ['2026-01-01', '2026-01-01'],
      ['2026-01-19', '2026-01-19'],
      ['2026-02-16', '2026-02-16'],
      ['2026-05-25', '2026-05-25'],
      ['2026-06-19', '2026-06-19'],
      ['2026-07-04', '2026-07-03'], // Saturday → Friday
      ['2026-09-07', '2026-09-07'],
      ['2026-10-12', '2026-10-12'],
      ['2026-11-11', '2026-11-11'],
      ['2026-11-26', '2026-11-26'],
      ['2026-12-25', '2026-12-25'],
    ]);
  });
  it('Sunday holidays move to Monday; New Year on a Saturday is observed on 31 December', () => {
    expect(isUsHoliday('2027-07-05')).toBe(true); // 2027-07-04 is a Sunday: observed Monday 5th
    expect(usFederalHolidays(2027).find((h) => h.date === '2027-07-04')?.observed).toBe('2027-07-05');
    expect(isUsHoliday('2021-12-31')).toBe(true); // 2022-01-01 was a Saturday
    expect(isUsHoliday('2026-07-03')).toBe(true);
    expect(isUsHoliday('2026-07-04')).toBe(true);
    expect(isUsHoliday('2026-07-06')).toBe(false);
    expect(isUsHoliday('2020-06-19')).toBe(false); // Juneteenth from 2021
  });
});
