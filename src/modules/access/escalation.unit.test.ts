import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, NO_PERMISSIONS } from '../users/index.ts';
import { groupWithin, salesWithin } from './escalation.ts';
import { DEFAULT_SALES_PERMISSIONS } from './sales-permissions.ts';

const T = '01900000-0000-7000-8000-0000000000a1';

describe('nobody can raise their own permissions', () => {
  it('groups: equal or less is within; any single raise is not', () => {
    expect(groupWithin(ALL_PERMISSIONS, ALL_PERMISSIONS)).toBe(true);
    expect(groupWithin(NO_PERMISSIONS, ALL_PERMISSIONS)).toBe(true);
    expect(groupWithin(ALL_PERMISSIONS, NO_PERMISSIONS)).toBe(false);
    expect(groupWithin({ ...NO_PERMISSIONS, reporting: { visible: true } }, NO_PERMISSIONS)).toBe(false);
    expect(groupWithin({ ...NO_PERMISSIONS, administrative: { manageUsers: true } }, NO_PERMISSIONS)).toBe(
      false,
    );
  });

  it('groups: lifting a record access restriction, or adding unassigned records, is a raise', () => {
    const restricted = {
      ...NO_PERMISSIONS,
      recordAccess: { restriction: 'accessible_agents' as const, includeUnassigned: false },
    };
    const withUnassigned = {
      ...restricted,
      recordAccess: { restriction: 'accessible_agents' as const, includeUnassigned: true },
    };
    expect(groupWithin(NO_PERMISSIONS, restricted)).toBe(false);
    expect(groupWithin(withUnassigned, restricted)).toBe(false);
    expect(groupWithin(restricted, withUnassigned)).toBe(true);
    expect(groupWithin(restricted, NO_PERMISSIONS)).toBe(true);
  });

  it('sales permissions: scope, dropdown, window, flags and record type bits', () => {
    const cur = {
      ...DEFAULT_SALES_PERMISSIONS,
      recordAccess: 'assigned' as const,
      agentDropdownView: 'self' as const,
      recordTypeAccess: { [T]: { view: true } },
    };
    expect(salesWithin(cur, cur)).toBe(true);
    expect(salesWithin({ ...cur, recordAccess: 'all' }, cur)).toBe(false);
    expect(salesWithin({ ...cur, agentDropdownView: 'all' }, cur)).toBe(false);
    expect(salesWithin({ ...cur, textingWindow: { start: '07:59', end: '19:00' } }, cur)).toBe(false);
    expect(salesWithin({ ...cur, textingWindow: { start: '08:00', end: '19:01' } }, cur)).toBe(false);
    expect(salesWithin({ ...cur, textingWindow: { start: '09:00', end: '17:00' } }, cur)).toBe(true);
    expect(salesWithin({ ...cur, flags: { ...cur.flags, downloadReports: true } }, cur)).toBe(false);
    expect(salesWithin({ ...cur, recordTypeAccess: { [T]: { view: true, edit: true } } }, cur)).toBe(false);
    expect(salesWithin({ ...cur, recordTypeAccess: {} }, cur)).toBe(true);
  });
});
