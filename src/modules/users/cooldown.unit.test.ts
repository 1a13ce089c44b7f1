import { describe, expect, it } from 'vitest';
import { canReactivate, reactivationAllowedAt } from './cooldown.ts';

describe('14-day reactivation cooldown', () => {
  const suspended = new Date('2026-02-27T15:30:00Z');
  it('refuses a millisecond before 14 days and allows at exactly 14 days', () => {
    const at = reactivationAllowedAt(suspended);
    expect(at.toISOString()).toBe('2026-03-13T15:30:00.000Z');
    expect(canReactivate(suspended, new Date(at.getTime() - 1))).toBe(false);
    expect(canReactivate(suspended, at)).toBe(true);
  });
  it('counts elapsed time, so a DST change inside the 14 days changes nothing', () => {
    // 2026-03-08 is the US spring-forward: the wall clock in New York moves, elapsed time does not.
    const s = new Date('2026-03-01T12:00:00Z');
    expect(reactivationAllowedAt(s).toISOString()).toBe('2026-03-15T12:00:00.000Z');
  });
  it('a never-suspended user is always allowed', () => {
    expect(canReactivate(null, new Date())).toBe(true);
  });
});
