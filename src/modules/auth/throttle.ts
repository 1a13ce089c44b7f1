import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { throttleCounters } from './schema.ts';

export type ThrottleRule = { key: string; limit: number; windowMs: number };

/** Pure: is a counter over its limit, and for how many more seconds? */
export function throttleState(
  counter: { windowStartedAt: Date; count: number } | undefined,
  rule: Pick<ThrottleRule, 'limit' | 'windowMs'>,
  now: Date,
): { blocked: boolean; retryAfterSeconds: number } {
  if (!counter) return { blocked: false, retryAfterSeconds: 0 };
  const windowEnds = counter.windowStartedAt.getTime() + rule.windowMs;
  if (windowEnds <= now.getTime()) return { blocked: false, retryAfterSeconds: 0 };
  if (counter.count < rule.limit) return { blocked: false, retryAfterSeconds: 0 };
  return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)) };
}

/** Throw a 429 with Retry-After if any of the rules' counters is over its limit. */
export async function assertNotThrottled(db: DbOrTx, rules: ThrottleRule[], message: string): Promise<void> {
  const rows = await db
    .select()
    .from(throttleCounters)
    .where(
      inArray(
        throttleCounters.key,
        rules.map((r) => r.key),
      ),
    );
  const now = new Date();
  let wait = 0;
  for (const rule of rules) {
    const state = throttleState(
      rows.find((r) => r.key === rule.key),
      rule,
      now,
    );
    if (state.blocked) wait = Math.max(wait, state.retryAfterSeconds);
  }
  if (wait > 0) throw new AppError('rate_limited', message, { retryAfterSeconds: wait });
}

/** Count one more event against each rule (a fixed window that restarts once it has passed). */
export async function countThrottled(db: DbOrTx, rules: ThrottleRule[]): Promise<void> {
  for (const rule of rules) {
    const windowSeconds = Math.round(rule.windowMs / 1000);
    await db
      .insert(throttleCounters)
      .values({ key: rule.key, windowStartedAt: sql`now()` as never, count: 1 })
      .onConflictDoUpdate({
        target: throttleCounters.key,
        set: {
          count: sql`case when ${throttleCounters.windowStartedAt} <= now() - make_interval(secs => ${windowSeconds}) then 1 else ${throttleCounters.count} + 1 end`,
          windowStartedAt: sql`case when ${throttleCounters.windowStartedAt} <= now() - make_interval(secs => ${windowSeconds}) then now() else ${throttleCounters.windowStartedAt} end`,
        },
      });
  }
}

export async function clearThrottle(db: DbOrTx, keys: string[]): Promise<void> {
  await db.delete(throttleCounters).where(inArray(throttleCounters.key, keys));
}

const FIFTEEN_MINUTES = 15 * 60_000;
/** Login: 5 failures per login name (within its account) and 50 per IP address, per 15 minutes. */
export const loginRules = (
  accountId: string | null,
  login: string,
  ip: string | undefined,
): ThrottleRule[] => [
  { key: `login:${accountId ?? '?'}:${login.toLowerCase()}`, limit: 5, windowMs: FIFTEEN_MINUTES },
  { key: `ip:${ip ?? 'unknown'}`, limit: 50, windowMs: FIFTEEN_MINUTES },
];
/** Forgot-password requests: 5 per login name and 20 per IP address, per hour. */
export const resetRequestRules = (login: string, ip: string | undefined): ThrottleRule[] => [
  { key: `reset:${login.toLowerCase()}`, limit: 5, windowMs: 4 * FIFTEEN_MINUTES },
  { key: `reset-ip:${ip ?? 'unknown'}`, limit: 20, windowMs: 4 * FIFTEEN_MINUTES },
];
