import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { authorize, type Actor } from '../access/index.ts';
import { diff, recordAudit } from '../audit/index.ts';
import { recordOf } from '../audit/index.ts';
import { loadVisibleActivity, reload } from './activity-view.ts';
import { checkActivity, datesOf } from './create-activity.ts';
import type { ActivityPatch } from './fields.ts';
import { assertNoOverlap } from './overlap.ts';
import { assertRecordVisible } from './record-access.ts';
import { activities } from './schema.ts';
import { loadViewer } from './visibility.ts';

/**
 * Load an activity the actor may change, locked for update: 404 when they cannot see it, 403 when
 * they see it (a granted user's, or on a record they view) but do not own it (decision 009).
 */
export async function loadChangeableActivity(tx: DbOrTx, actor: Actor, id: string) {
  authorize(actor, 'activity.use');
  const viewer = await loadViewer(tx, actor);
  const view = await loadVisibleActivity(tx, actor, viewer, id);
  if (!view.canEdit)
    throw new AppError(
      'forbidden',
      'You can see this activity but not change it: only its owner, its team or its creator can.',
      { missing: ['activity.owner'] },
    );
  const [row] = await tx
    .select()
    .from(activities)
    .where(inAccount(actor, activities, eq(activities.id, id)))
    .for('update');
  return { row: row!, viewer };
}

export async function updateActivity(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; id: string; patch: ActivityPatch },
) {
  const { actor, id, patch } = opts;
  return deps.db.transaction(async (tx) => {
    const { row: before, viewer } = await loadChangeableActivity(tx, actor, id);
    const dates = datesOf(patch);
    const next = {
      activityTypeId: patch.activityTypeId ?? before.activityTypeId,
      statusId: patch.statusId ?? before.statusId,
      subject: patch.subject ?? before.subject,
      ownerUserId: patch.ownerUserId !== undefined ? patch.ownerUserId : before.ownerUserId,
      ownerTeamId: patch.ownerTeamId !== undefined ? patch.ownerTeamId : before.ownerTeamId,
      startsAt: dates.startsAt !== undefined ? dates.startsAt : before.startsAt,
      endsAt: dates.endsAt !== undefined ? dates.endsAt : before.endsAt,
      dueAt: dates.dueAt !== undefined ? dates.dueAt : before.dueAt,
      allDay: patch.allDay ?? before.allDay,
      salesRecordId: patch.salesRecordId !== undefined ? patch.salesRecordId : before.salesRecordId,
      individualId: patch.individualId !== undefined ? patch.individualId : before.individualId,
      agentId: patch.agentId !== undefined ? patch.agentId : before.agentId,
      notes: patch.notes ?? before.notes,
      details: patch.details ?? before.details,
    };
    // Giving a user as owner clears the team and vice versa, unless the patch names both.
    if (patch.ownerUserId && patch.ownerTeamId === undefined) next.ownerTeamId = null;
    if (patch.ownerTeamId && patch.ownerUserId === undefined) next.ownerUserId = null;
    const recordChanged =
      next.salesRecordId !== before.salesRecordId ||
      next.individualId !== before.individualId ||
      next.agentId !== before.agentId;
    if (recordChanged) await assertRecordVisible(tx, actor, next);
    const { status } = await checkActivity(tx, actor, next, {
      type: next.activityTypeId !== before.activityTypeId,
      status: next.statusId !== before.statusId,
      ownerUser: next.ownerUserId !== before.ownerUserId,
      ownerTeam: next.ownerTeamId !== before.ownerTeamId,
      record: recordChanged,
    });
    const timeChanged =
      next.startsAt?.getTime() !== before.startsAt?.getTime() ||
      next.endsAt?.getTime() !== before.endsAt?.getTime() ||
      next.ownerUserId !== before.ownerUserId;
    if (timeChanged) await assertNoOverlap(tx, actor, { id, ...next }, patch.confirmOverlap);
    const closing = status.isClosed && before.completedAt === null;
    const reopening = !status.isClosed && before.completedAt !== null;
    const values = {
      ...next,
      subject: next.subject.trim(),
      ...(closing
        ? { completedAt: new Date(), completedByUserId: actor.kind === 'user' ? actor.userId : null }
        : {}),
      ...(reopening ? { completedAt: null, completedByUserId: null } : {}),
    };
    const changes = diff(before as Record<string, unknown>, values);
    if (Object.keys(changes).length > 0) {
      await tx
        .update(activities)
        .set({ ...values, updatedAt: new Date() })
        .where(inAccount(actor, activities, eq(activities.id, id)));
      await recordAudit(tx, actor, {
        type: 'activity.updated',
        subjectType: 'activity',
        subjectId: id,
        data: { subject: values.subject, changes },
        record: recordOf(values),
      });
    }
    return reload(tx, actor, viewer, id);
  });
}
