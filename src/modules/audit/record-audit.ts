import type { Tx } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../access/index.ts';
import type { AuditEvent, RecordRef } from './events.ts';
import { auditEvents } from './schema.ts';

/**
 * An event, and the Sales Record or Individual its subject belongs to when the subject is a thing
 * attached to one (a policy, an activity): the record's history then shows it.
 */
export type Audited = AuditEvent & { record?: RecordRef | null };

/**
 * The audit_events row for an event: what recordAudit writes, for a statement that writes the
 * change and its audit event together (one round trip on a hot path).
 */
export function auditRow(actor: Actor, event: Audited): typeof auditEvents.$inferInsert {
  return {
    accountId: actor.accountId,
    id: newId(),
    type: event.type,
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorApiKeyId: actor.kind === 'api_key' ? actor.apiKeyId : null,
    ip: actor.ctx.ip ?? null,
    userAgent: actor.ctx.userAgent?.slice(0, 500) ?? null,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    data: event.data,
    recordType: event.record?.kind ?? null,
    recordId: event.record?.id ?? null,
  };
}

/**
 * Write an audit event in the transaction that makes the change. It takes a Tx, not the database: an
 * event written outside the change's transaction could record a change that rolled back, or miss one
 * that committed (record-audit.unit.test.ts).
 */
export async function recordAudit(tx: Tx, actor: Actor, event: Audited): Promise<void> {
  await tx.insert(auditEvents).values(auditRow(actor, event));
}
