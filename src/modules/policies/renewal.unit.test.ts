import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, nextRenewalDate, policyYear } from './renewal.ts';

describe('addMonths', () => {
  it('clamps to the end of a shorter month, leap years included', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
});

describe('nextRenewalDate', () => {
  it('annual: the next anniversary on or after the day, never the effective date itself', () => {
    expect(nextRenewalDate('2025-03-15', 'annual', '2025-03-15')).toBe('2026-03-15');
    expect(nextRenewalDate('2025-03-15', 'annual', '2026-03-14')).toBe('2026-03-15');
    expect(nextRenewalDate('2025-03-15', 'annual', '2026-03-15')).toBe('2026-03-15');
    expect(nextRenewalDate('2025-03-15', 'annual', '2026-03-16')).toBe('2027-03-15');
    expect(nextRenewalDate('2015-07-01', 'annual', '2026-07-02')).toBe('2027-07-01');
  });

  it('a policy starting later renews a term after it starts', () => {
    expect(nextRenewalDate('2027-02-01', 'annual', '2026-06-01')).toBe('2028-02-01');
    expect(nextRenewalDate('2027-02-01', 'quarterly', '2026-06-01')).toBe('2027-05-01');
  });

  it('shorter terms count from the effective date, so the 31st comes back after a short month', () => {
    expect(nextRenewalDate('2026-01-31', 'monthly', '2026-02-01')).toBe('2026-02-28');
    expect(nextRenewalDate('2026-01-31', 'monthly', '2026-03-01')).toBe('2026-03-31');
    expect(nextRenewalDate('2026-01-31', 'quarterly', '2026-05-01')).toBe('2026-07-31');
    expect(nextRenewalDate('2026-08-31', 'semiannual', '2026-09-01')).toBe('2027-02-28');
    expect(nextRenewalDate('2026-08-31', 'semiannual', '2027-03-01')).toBe('2027-08-31');
  });

  it('calendar year: every January 1 after the first plan year, today included', () => {
    expect(nextRenewalDate('2026-01-01', 'calendar_year', '2026-01-01')).toBe('2027-01-01');
    expect(nextRenewalDate('2026-03-01', 'calendar_year', '2026-12-31')).toBe('2027-01-01');
    expect(nextRenewalDate('2025-03-01', 'calendar_year', '2026-01-01')).toBe('2026-01-01');
    expect(nextRenewalDate('2025-03-01', 'calendar_year', '2026-01-02')).toBe('2027-01-01');
    expect(nextRenewalDate('2027-04-01', 'calendar_year', '2026-06-01')).toBe('2028-01-01');
  });

  it('is unknown without an effective date or a cycle', () => {
    expect(nextRenewalDate(null, 'annual', '2026-01-01')).toBeNull();
    expect(nextRenewalDate('2026-01-01', null, '2026-01-01')).toBeNull();
  });
});

describe('policyYear', () => {
  it('is 0 before the policy starts, 1 up to the day before the first anniversary, then 2', () => {
    expect(policyYear('2025-03-15', 'annual', '2025-03-14')).toBe(0);
    expect(policyYear('2025-03-15', 'annual', '2025-03-15')).toBe(1);
    expect(policyYear('2025-03-15', 'monthly', '2026-03-14')).toBe(1);
    expect(policyYear('2025-03-15', null, '2026-03-15')).toBe(2);
    expect(policyYear('2024-02-29', 'annual', '2025-02-28')).toBe(2);
    expect(policyYear('2024-02-29', 'annual', '2025-02-27')).toBe(1);
    expect(policyYear(null, 'annual', '2025-02-27')).toBeNull();
  });

  it('calendar-year plans start their second year on the first January 1', () => {
    expect(policyYear('2025-10-01', 'calendar_year', '2025-12-31')).toBe(1);
    expect(policyYear('2025-10-01', 'calendar_year', '2026-01-01')).toBe(2);
    expect(policyYear('2025-01-01', 'calendar_year', '2025-12-31')).toBe(1);
  });
});

describe('daysBetween', () => {
  it('counts calendar days across month, year and DST changes', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-01-10', '2026-01-01')).toBe(-9);
  });
});
