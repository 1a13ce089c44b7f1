import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../access/index.ts';
import { auditEvents } from '../audit/schema.ts';
import { policies } from '../policies/schema.ts';
import { users } from '../users/schema.ts';
import { assertRecordOwnerAccess, type RecordOwner } from '../records/index.ts';

export const HISTORY_SUBJECTS = ['sales_record', 'individual', 'policy', 'activity'] as const;

/**
 * A Sales Record's or an Individual's history, oldest first, with who did it: every audit event
 * about the record (created or converted, fields from → to, notes added and removed, files added
 * and removed), every event linked to it (policies and activities added, changed, completed,
 * removed — even once they are gone), and the events of the policies it holds now (including those
 * quoted on a Sales Record before it converted).
 */
export async function recordHistory(deps: Pick<Deps, 'db'>, opts: { actor: Actor; record: RecordOwner }) {
  const { actor, record } = opts;
  await assertRecordOwnerAccess(deps.db, actor, record, false);
  const policyIds = deps.db
    .select({ id: policies.id })
    .from(policies)
    .where(
      inAccount(
        actor,
        policies,
        record.kind === 'sales_record'
          ? eq(policies.salesRecordId, record.id)
          : eq(policies.individualId, record.id),
      ),
    );
  return deps.db
    .select({
      id: auditEvents.id,
      type: auditEvents.type,
      occurredAt: auditEvents.occurredAt,
      subjectType: sql<(typeof HISTORY_SUBJECTS)[number]>`${auditEvents.subjectType}`,
      subjectId: auditEvents.subjectId,
      data: auditEvents.data,
      actor: { id: users.id, firstName: users.firstName, lastName: users.lastName },
    })
    .from(auditEvents)
    .leftJoin(users, and(eq(users.accountId, auditEvents.accountId), eq(users.id, auditEvents.actorUserId)))
    .where(
      inAccount(
        actor,
        auditEvents,
        or(
          and(eq(auditEvents.subjectType, record.kind), eq(auditEvents.subjectId, record.id)),
          and(eq(auditEvents.recordType, record.kind), eq(auditEvents.recordId, record.id)),
          and(eq(auditEvents.subjectType, 'policy'), inArray(auditEvents.subjectId, policyIds)),
        ),
      ),
    )
    .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
}
