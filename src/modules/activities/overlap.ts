import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import { AppError } from '../../lib/errors.ts';
import type { AccountScope } from '../access/index.ts';
import { activities, activityStatuses } from './schema.ts';

/** The times an overlap check needs: a timed activity of one user. */
export type OverlapCandidate = {
  id?: string;
  ownerUserId: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
};

/**
 * The same owner's other timed activities that share time with `a` (touching ends do not count;
 * cancelled ones do not either). Team activities and due-by tasks never overlap.
 */
export async function overlappingActivities(tx: DbOrTx, scope: AccountScope, a: OverlapCandidate) {
  if (!a.ownerUserId || !a.startsAt || !a.endsAt) return [];
  return tx
    .select({
      id: activities.id,
      subject: activities.subject,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
    })
    .from(activities)
    .innerJoin(
      activityStatuses,
      and(eq(activityStatuses.accountId, activities.accountId), eq(activityStatuses.id, activities.statusId)),
    )
    .where(
      inAccount(
        scope,
        activities,
        eq(activities.ownerUserId, a.ownerUserId),
        lt(activities.startsAt, a.endsAt),
        gt(activities.endsAt, a.startsAt),
        eq(activityStatuses.isCancelled, false),
        a.id ? ne(activities.id, a.id) : undefined,
      ),
    )
    .orderBy(activities.startsAt)
    .limit(5);
}

/**
 * Refuse (409 `activity-overlap`) a timed activity that shares time with another of the same
 * owner, unless the user has seen the warning and confirmed (`confirmOverlap`). The problem lists
 * the activities it overlaps, so the user can decide.
 */
export async function assertNoOverlap(
  tx: DbOrTx,
  scope: AccountScope,
  a: OverlapCandidate,
  confirmed: boolean | undefined,
): Promise<void> {
  if (confirmed) return;
  const others = await overlappingActivities(tx, scope, a);
  if (others.length === 0) return;
  throw new AppError(
    'activity_overlap',
    others.length === 1
      ? `This time overlaps “${others[0]!.subject}” of the same owner. Save it anyway?`
      : `This time overlaps ${others.length} activities of the same owner. Save it anyway?`,
    {
      errors: others.map((o) => ({
        path: 'startsAt',
        message: `Overlaps “${o.subject}” (${o.startsAt!.toISOString()} – ${o.endsAt!.toISOString()}).`,
      })),
    },
  );
}
