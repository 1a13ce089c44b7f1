import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import type { AccountScope, Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { recordOf } from '../audit/index.ts';
import { activities, activityStatuses } from './schema.ts';
import { reload } from './activity-view.ts';
import { loadChangeableActivity } from './update-activity.ts';

type StatusRow = typeof activityStatuses.$inferSelect;

async function pickStatus(
  tx: DbOrTx,
  scope: AccountScope,
  statusId: string | null | undefined,
  closed: boolean,
): Promise<StatusRow> {
  const want = closed ? 'a closed' : 'an open';
  if (statusId) {
    const [s] = await tx
      .select()
      .from(activityStatuses)
      .where(inAccount(scope, activityStatuses, eq(activityStatuses.id, statusId)));
    const problem = !s
      ? 'No such activity status.'
      : !s.active
        ? 'This activity status is deactivated.'
        : s.isClosed !== closed
          ? `Choose ${want} status.`
          : null;
    if (problem)
      throw new AppError('validation', 'The status is not valid.', {
        errors: [{ path: 'statusId', message: problem }],
      });
    return s!;
  }
  // Completing: the first closed status that is not a cancellation ("Completed"); reopening: the first open one.
  const [s] = await tx
    .select()
    .from(activityStatuses)
    .where(
      inAccount(
        scope,
        activityStatuses,
        eq(activityStatuses.active, true),
        eq(activityStatuses.isClosed, closed),
        closed ? eq(activityStatuses.isCancelled, false) : undefined,
      ),
    )
    .orderBy(asc(activityStatuses.sortOrder), asc(activityStatuses.name))
    .limit(1);
  if (!s)
    throw new AppError(
      'rule_violation',
      `The account has no active status to use here: add ${want} status first.`,
    );
  return s;
}

/** Complete (a closed status, default "Completed") or reopen (an open status) an activity. */
export async function setActivityDone(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; id: string; done: boolean; statusId?: string | null | undefined },
) {
  const { actor, id, done } = opts;
  return deps.db.transaction(async (tx) => {
    const { row, viewer } = await loadChangeableActivity(tx, actor, id);
    if (done === (row.completedAt !== null) && !opts.statusId)
      throw new AppError('conflict', done ? 'This activity is already completed.' : 'This activity is open.');
    const status = await pickStatus(tx, actor, opts.statusId, done);
    await tx
      .update(activities)
      .set({
        statusId: status.id,
        completedAt: done ? (row.completedAt ?? new Date()) : null,
        completedByUserId: done
          ? row.completedAt
            ? row.completedByUserId
            : actor.kind === 'user'
              ? actor.userId
              : null
          : null,
        updatedAt: new Date(),
      })
      .where(and(inAccount(actor, activities, eq(activities.id, id))));
    await recordAudit(tx, actor, {
      type: done ? 'activity.completed' : 'activity.reopened',
      subjectType: 'activity',
      subjectId: id,
      data: { subject: row.subject, statusId: { from: row.statusId, to: status.id } },
      record: recordOf(row),
    });
    return reload(tx, actor, viewer, id);
  });
}
