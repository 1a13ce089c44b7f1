import type { DbOrTx } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditEvent } from './events.ts';
import { auditEvents } from './schema.ts';

/** Write an audit event. Call it with the transaction that makes the change. */
export async function recordAudit(tx: DbOrTx, actor: Actor, event: AuditEvent): Promise<void> {
  await tx.insert(auditEvents).values({
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
  });
}
