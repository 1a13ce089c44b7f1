import { and, asc, eq, gt, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import { MAX_DURATION_MS } from './rules.ts';
import { activities, activityStatuses, activityTypes } from './schema.ts';

/** A half-open busy interval [start, end). */
export type BusyInterval = { start: Date; end: Date; activityId: string };

/**
 * Per user, the time blocked by their appointments that overlaps [from, to): activities they own
 * whose type is in the Appointment category and whose status does not cancel them (a Cancelled
 * appointment frees its slot; Scheduled, Completed, No Show and any other status keep it). Every
 * requested user is in the map, with an empty list when free; intervals are sorted by start and
 * are not merged. Activities without an end (possible only if their type was moved into the
 * category later) block nothing. No authorization: the caller decides who may ask.
 */
export async function appointmentBusyIntervals(
  tx: DbOrTx,
  accountId: string,
  userIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Map<string, BusyInterval[]>> {
  const out = new Map<string, BusyInterval[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0 || from.getTime() >= to.getTime()) return out;
  const scope = { accountId };
  const rows = await tx
    .select({
      id: activities.id,
      userId: activities.ownerUserId,
      start: activities.startsAt,
      end: activities.endsAt,
    })
    .from(activities)
    .innerJoin(
      activityTypes,
      and(eq(activityTypes.accountId, activities.accountId), eq(activityTypes.id, activities.activityTypeId)),
    )
    .innerJoin(
      activityStatuses,
      and(eq(activityStatuses.accountId, activities.accountId), eq(activityStatuses.id, activities.statusId)),
    )
    .where(
      inAccount(
        scope,
        activities,
        inArray(activities.ownerUserId, [...userIds]),
        isNotNull(activities.endsAt),
        // Bounded on both sides for the (account, owner, starts_at) index: nothing lasts longer than MAX_DURATION_MS.
        gte(activities.startsAt, new Date(from.getTime() - MAX_DURATION_MS)),
        lt(activities.startsAt, to),
        gt(activities.endsAt, from),
        eq(activityTypes.category, 'appointment'),
        eq(activityStatuses.isCancelled, false),
      ),
    )
    .orderBy(asc(activities.startsAt));
  for (const r of rows) {
    // A zero-length appointment [s, s) is empty: it blocks nothing.
    if (r.start!.getTime() < r.end!.getTime())
      out.get(r.userId!)?.push({ start: r.start!, end: r.end!, activityId: r.id });
  }
  return out;
}
