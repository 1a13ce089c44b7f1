import { asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { authorize, requireUser, type Actor } from '../access/index.ts';
import { selectActivities, toView } from './activity-view.ts';
import { activities, activityStatuses } from './schema.ts';
import { loadViewer, notOnDeletedRecord } from './visibility.ts';

/**
 * The dashboard's "My activities": open activities owned by the user or one of their teams that
 * start or are due before `days` from now — overdue ones first (oldest first), then the soonest.
 * An activity is overdue when its due time, or else its end (or start) time, has passed.
 */
export async function myActivities(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; days: number; limit: number; now?: Date },
) {
  const { actor } = opts;
  authorize(actor, 'activity.use');
  requireUser(actor);
  const now = opts.now ?? new Date();
  const horizon = new Date(now.getTime() + opts.days * 86_400_000);
  const viewer = (await loadViewer(deps.db, actor))!;
  const when = sql`coalesce(${activities.startsAt}, ${activities.dueAt})`;
  const late = sql`coalesce(${activities.dueAt}, ${activities.endsAt}, ${activities.startsAt}) < ${now.toISOString()}::timestamptz`;
  const rows = await selectActivities(deps.db)
    .where(
      inAccount(
        actor,
        activities,
        or(
          eq(activities.ownerUserId, viewer.userId),
          viewer.teamIds.length ? inArray(activities.ownerTeamId, [...viewer.teamIds]) : undefined,
        ),
        eq(activityStatuses.isClosed, false),
        lt(when, horizon),
        notOnDeletedRecord(),
      ),
    )
    .orderBy(desc(late), asc(when), asc(activities.id))
    .limit(opts.limit);
  return {
    items: rows.map((r) => {
      const v = toView(r, viewer);
      const ends = v.dueAt ?? v.endsAt ?? v.startsAt;
      return { ...v, overdue: ends !== null && ends.getTime() < now.getTime() };
    }),
  };
}
