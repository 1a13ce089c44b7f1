import { and, asc, desc, eq, gt, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { authorize, type Actor } from '../access/index.ts';
import { selectActivities, toView } from './activity-view.ts';
import type { ListActivitiesQuery } from './fields.ts';
import { assertRecordVisible } from './record-access.ts';
import { MAX_DURATION_MS } from './rules.ts';
import { activities, activityStatuses } from './schema.ts';
import { activityScope, loadViewer } from './visibility.ts';

/** The longest range one list may ask for (a month view with its spill-over weeks fits easily). */
export const MAX_RANGE_DAYS = 100;

/**
 * In [from, to): a timed activity overlapping it (an activity without an end counts at its start),
 * or a due one due inside it. Both halves can use the (account, starts_at) and (account, due_at)
 * indexes.
 */
export function inRange(from: Date, to: Date): SQL {
  return or(
    and(
      // Sargable lower bound: no activity lasts longer than MAX_DURATION_MS (rules.ts).
      gte(activities.startsAt, new Date(from.getTime() - MAX_DURATION_MS)),
      lt(activities.startsAt, to),
      or(gt(activities.endsAt, from), gte(activities.startsAt, from)),
    ),
    and(gte(activities.dueAt, from), lt(activities.dueAt, to)),
  )!;
}

const when = sql`coalesce(${activities.startsAt}, ${activities.dueAt})`;

/**
 * Activities the actor may see (decision 009), filtered by range, owners, record and state. With a
 * range they come in time order (the calendar); without one, newest first (a record's history).
 */
export async function listActivities(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; query: ListActivitiesQuery },
) {
  const { actor, query: q } = opts;
  authorize(actor, 'activity.use');
  const problems: FieldProblem[] = [];
  const from = q.from ? new Date(q.from) : null;
  const to = q.to ? new Date(q.to) : null;
  if ((from === null) !== (to === null))
    problems.push({ path: from ? 'query.to' : 'query.from', message: 'Give both from and to.' });
  if (from && to) {
    if (to.getTime() <= from.getTime()) problems.push({ path: 'query.to', message: 'Must be after from.' });
    else if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000)
      problems.push({ path: 'query.to', message: `A range spans at most ${MAX_RANGE_DAYS} days.` });
  }
  if (problems.length)
    throw new AppError('validation', 'The query has invalid fields.', { errors: problems });

  if (q.salesRecordId || q.individualId || q.agentId) await assertRecordVisible(deps.db, actor, q);
  const viewer = await loadViewer(deps.db, actor);
  const owners: SQL[] = [];
  if (q.ownerUserIds?.length) owners.push(inArray(activities.ownerUserId, q.ownerUserIds));
  if (q.ownerTeamIds?.length) owners.push(inArray(activities.ownerTeamId, q.ownerTeamIds));
  const rows = await selectActivities(deps.db)
    .where(
      inAccount(
        actor,
        activities,
        activityScope(actor, viewer),
        from && to ? inRange(from, to) : undefined,
        owners.length ? or(...owners) : undefined,
        q.salesRecordId ? eq(activities.salesRecordId, q.salesRecordId) : undefined,
        q.individualId ? eq(activities.individualId, q.individualId) : undefined,
        q.agentId ? eq(activities.agentId, q.agentId) : undefined,
        q.state === 'all' ? undefined : eq(activityStatuses.isClosed, q.state === 'closed'),
      ),
    )
    .orderBy(from ? asc(when) : desc(when), asc(activities.id))
    .limit(q.limit + 1);
  return {
    items: rows.slice(0, q.limit).map((r) => toView(r, viewer)),
    /** More matched than `limit`: narrow the range or filter by owner. */
    truncated: rows.length > q.limit,
  };
}
