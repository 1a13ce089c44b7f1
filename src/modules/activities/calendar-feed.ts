import { eq, isNull } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { accountIdOfToken, mintAccountToken, sha256 } from '../../lib/tokens.ts';
import { userProfile } from '../users/index.ts';
import { authorize, requireUser, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type ActivityView, selectActivities, toView } from './activity-view.ts';
import { type IcsEvent, serializeCalendar } from './ics.ts';
import { inRange } from './list-activities.ts';
import { activities, calendarFeeds } from './schema.ts';
import { notOnDeletedRecord } from './visibility.ts';

/** What the feed holds: the user's own activities from 60 days back to 365 days ahead. */
export const FEED_PAST_DAYS = 60;
export const FEED_FUTURE_DAYS = 365;
const DAY = 86_400_000;

const feedUrl = (deps: Pick<Deps, 'config'>, token: string) =>
  `${deps.config.baseUrl}/api/public/v1/calendar/${token}.ics`;

/** The signed-in user's feed, if any (its URL cannot be shown again: only a hash is stored). */
export async function getCalendarFeed(deps: Pick<Deps, 'db'>, opts: { actor: Actor }) {
  const { actor } = opts;
  authorize(actor, 'activity.use');
  requireUser(actor);
  const [row] = await deps.db
    .select({ createdAt: calendarFeeds.createdAt, lastUsedAt: calendarFeeds.lastUsedAt })
    .from(calendarFeeds)
    .where(
      inAccount(
        actor,
        calendarFeeds,
        eq(calendarFeeds.userId, actor.userId),
        isNull(calendarFeeds.revokedAt),
      ),
    );
  return row ? { active: true, ...row } : { active: false, createdAt: null, lastUsedAt: null };
}

/**
 * Create the user's private feed URL, or rotate it: the previous URL stops working at once. The
 * URL carries a token of the account id and 32 random bytes (decision 002); only its SHA-256 is
 * stored, so the answer is the only time the URL is shown.
 */
export async function rotateCalendarFeed(deps: Pick<Deps, 'db' | 'config'>, opts: { actor: Actor }) {
  const { actor } = opts;
  authorize(actor, 'activity.use');
  requireUser(actor);
  const token = mintAccountToken(actor.accountId, 32);
  const now = new Date();
  await deps.db.transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: now })
      .where(
        inAccount(
          actor,
          calendarFeeds,
          eq(calendarFeeds.userId, actor.userId),
          isNull(calendarFeeds.revokedAt),
        ),
      )
      .returning({ id: calendarFeeds.id });
    await tx.insert(calendarFeeds).values({
      accountId: actor.accountId,
      id: newId(),
      userId: actor.userId,
      tokenHash: sha256(token),
      createdAt: now,
    });
    await recordAudit(tx, actor, {
      type: 'calendar_feed.created',
      subjectType: 'user',
      subjectId: actor.userId,
      data: { rotated: revoked.length > 0 },
    });
  });
  return { active: true, url: feedUrl(deps, token), createdAt: now, lastUsedAt: null };
}

/** Revoke the user's feed: its URL answers 404 from now on. */
export async function revokeCalendarFeed(deps: Pick<Deps, 'db'>, opts: { actor: Actor }) {
  const { actor } = opts;
  authorize(actor, 'activity.use');
  requireUser(actor);
  await deps.db.transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(
        inAccount(
          actor,
          calendarFeeds,
          eq(calendarFeeds.userId, actor.userId),
          isNull(calendarFeeds.revokedAt),
        ),
      )
      .returning({ id: calendarFeeds.id });
    if (revoked.length === 0) throw new AppError('not_found', 'You have no calendar feed.');
    await recordAudit(tx, actor, {
      type: 'calendar_feed.revoked',
      subjectType: 'user',
      subjectId: actor.userId,
      data: {},
    });
  });
}

const RECORD_PATH = { sales_record: 'leads', individual: 'clients', agent: null } as const;

/** One activity as a calendar event. */
export function activityEvent(a: ActivityView, baseUrl: string, timeZone: string): IcsEvent | null {
  const start = a.startsAt ?? a.dueAt;
  if (!start) return null;
  const host = new URL(baseUrl).host;
  const path = a.record ? RECORD_PATH[a.record.kind] : null;
  const description = [
    `${a.activityType.name} · ${a.status.name}`,
    a.record
      ? `${a.record.kind === 'sales_record' ? 'Sales Record' : a.record.kind === 'individual' ? 'Individual' : 'Agent'}: ${a.record.name}`
      : null,
    a.notes || null,
    ...Object.entries(a.details).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`),
  ]
    .filter((x) => x !== null)
    .join('\n');
  const allDay = a.allDay ? localDates(start, a.endsAt, timeZone) : undefined;
  return {
    uid: `${a.id}@${host}`,
    start,
    end: a.startsAt ? a.endsAt : null,
    allDay,
    summary: a.subject,
    description,
    url: a.record && path ? `${baseUrl}/${path}/${a.record.id}` : undefined,
    status: a.status.isCancelled ? 'CANCELLED' : 'CONFIRMED',
    created: a.createdAt,
    lastModified: a.updatedAt,
    categories: [a.activityType.name],
  };
}

/** The calendar dates (end exclusive) an all-day activity covers, in the user's time zone. */
function localDates(start: Date, end: Date | null, timeZone: string) {
  const day = (d: Date) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      d,
    );
  const startDate = day(start);
  const last = end && end.getTime() > start.getTime() ? day(new Date(end.getTime() - 1)) : startDate;
  const next = new Date(`${last}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { startDate, endDate: next.toISOString().slice(0, 10) };
}

/**
 * The feed behind a private URL: 404 for a malformed, unknown or revoked token, or a user who is
 * no longer active. Public (no session): the token is the credential.
 */
export async function renderCalendarFeed(
  deps: Pick<Deps, 'db' | 'config'>,
  opts: { token: string; now?: Date },
) {
  const accountId = accountIdOfToken(opts.token);
  if (!accountId) throw notFound('Calendar feed');
  const scope = { accountId };
  const [row] = await deps.db
    .select({ id: calendarFeeds.id, userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .where(
      inAccount(
        scope,
        calendarFeeds,
        eq(calendarFeeds.tokenHash, sha256(opts.token)),
        isNull(calendarFeeds.revokedAt),
      ),
    );
  // The feed's owner must still be an active user (one more query, by primary key).
  const owner = row && (await userProfile(deps.db, scope, row.userId, { activeOnly: true }));
  if (!row || !owner) throw notFound('Calendar feed');
  const feed = { ...row, timeZone: owner.timeZone, first: owner.firstName, last: owner.lastName };
  const now = opts.now ?? new Date();
  const rows = await selectActivities(deps.db)
    .where(
      inAccount(
        scope,
        activities,
        eq(activities.ownerUserId, feed.userId),
        notOnDeletedRecord(),
        inRange(
          new Date(now.getTime() - FEED_PAST_DAYS * DAY),
          new Date(now.getTime() + FEED_FUTURE_DAYS * DAY),
        ),
      ),
    )
    .limit(20_000);
  await deps.db
    .update(calendarFeeds)
    .set({ lastUsedAt: now })
    .where(inAccount(scope, calendarFeeds, eq(calendarFeeds.id, feed.id)));
  const events = rows
    .map((r) => activityEvent(toView(r, null), deps.config.baseUrl, feed.timeZone))
    .filter((e) => e !== null);
  return serializeCalendar(events, {
    method: 'PUBLISH',
    name: `OpenAMS — ${feed.first} ${feed.last}`.trim(),
    now,
  });
}
