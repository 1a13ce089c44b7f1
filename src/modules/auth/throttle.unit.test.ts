import { describe, expect, it } from 'vitest';
import { throttleState } from './throttle.ts';

const rule = { limit: 5, windowMs: 15 * 60_000 };
const start = new Date('2026-03-08T06:59:00Z'); // the US DST change: the window is in UTC and unaffected

describe('throttleState', () => {
  it('lets through under the limit and without a counter', () => {
    expect(throttleState(undefined, rule, start).blocked).toBe(false);
    expect(throttleState({ windowStartedAt: start, count: 4 }, rule, start).blocked).toBe(false);
  });

  it('blocks at the limit, with the seconds left in the window', () => {
    const s = throttleState({ windowStartedAt: start, count: 5 }, rule, new Date(start.getTime() + 60_000));
    expect(s).toEqual({ blocked: true, retryAfterSeconds: 14 * 60 });
  });

  it('rounds a partial second up, never to zero', () => {
    const s = throttleState(
      { windowStartedAt: start, count: 9 },
      rule,
      new Date(start.getTime() + rule.windowMs - 1),
    );
    expect(s).toEqual({ blocked: true, retryAfterSeconds: 1 });
  });

  it('opens again exactly when the window ends', () => {
    expect(
      throttleState({ windowStartedAt: start, count: 99 }, rule, new Date(start.getTime() + rule.windowMs))
        .blocked,
    ).toBe(false);
  });
});
