import { eq } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { recordOf } from '../audit/index.ts';
import { activities } from './schema.ts';
import { loadChangeableActivity } from './update-activity.ts';

/** Delete an activity for good (its owner, team or creator); the audit event keeps what it was. */
export async function deleteActivity(deps: Pick<Deps, 'db'>, opts: { actor: Actor; id: string }) {
  const { actor, id } = opts;
  await deps.db.transaction(async (tx) => {
    const { row } = await loadChangeableActivity(tx, actor, id);
    await tx.delete(activities).where(inAccount(actor, activities, eq(activities.id, id)));
    await recordAudit(tx, actor, {
      type: 'activity.deleted',
      subjectType: 'activity',
      subjectId: id,
      data: {
        subject: row.subject,
        activityTypeId: row.activityTypeId,
        ownerUserId: row.ownerUserId,
        ownerTeamId: row.ownerTeamId,
        startsAt: row.startsAt,
        dueAt: row.dueAt,
        salesRecordId: row.salesRecordId,
        individualId: row.individualId,
        agentId: row.agentId,
      },
      record: recordOf(row),
    });
  });
}
