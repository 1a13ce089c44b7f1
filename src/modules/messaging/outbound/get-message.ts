import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import type { Deps } from '../../../deps.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import {
  authorize,
  can,
  loadVisibleIndividual,
  loadVisibleSalesRecord,
  recordContext,
  type Actor,
} from '../ports.ts';
import { messageRecords, messages } from '../schema.ts';
import { loadMessageView, type MessageView } from './message-view.ts';

/**
 * May the actor read this message? API keys and the operator: yes (the account's). A user: the
 * sender, anyone with `sms.history.all` (admins always), or one who may read the message history of
 * a record it belongs to (`sms.history.<kind>` on a record they can see). Otherwise "not found".
 */
export async function assertMessageVisible(db: DbOrTx, actor: Actor, id: string) {
  const [m] = await db
    .select({ id: messages.id, userId: messages.userId })
    .from(messages)
    .where(and(eq(messages.accountId, actor.accountId), eq(messages.id, id)));
  if (!m) throw notFound('Message');
  if (actor.kind !== 'user') return m;
  if (m.userId === actor.userId || can(actor.profile, 'sms.history.all').allowed) return m;
  const links = await db
    .select({ type: messageRecords.recordType, id: messageRecords.recordId })
    .from(messageRecords)
    .where(and(eq(messageRecords.accountId, actor.accountId), eq(messageRecords.messageId, id)));
  for (const l of links) {
    try {
      if (l.type === 'sales_record') {
        const r = await loadVisibleSalesRecord(db, actor, l.id);
        authorize(actor, 'sms.history.sales_record', { record: recordContext(r) });
      } else if (l.type === 'individual') {
        const r = await loadVisibleIndividual(db, actor, l.id);
        authorize(actor, 'sms.history.individual', {
          record: { kind: 'individual', servicingAgentId: r.servicingAgentId },
        });
      } else {
        authorize(actor, 'sms.history.agent', { record: { kind: 'agent', agentId: l.id } });
      }
      return m;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  throw notFound('Message');
}

export async function getMessage(
  deps: Pick<Deps, 'db'>,
  { actor, id }: { actor: Actor; id: string },
): Promise<MessageView> {
  await assertMessageVisible(deps.db, actor, id);
  return (await loadMessageView(deps.db, actor.accountId, id, { history: true }))!;
}
