import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import type { Deps } from '../../../deps.ts';
import { messageRecords, messages } from '../schema.ts';
import { authorize, notifyLive, type Actor } from '../inbound/ports.ts';
import { loadVisibleMessage } from './message-view.ts';
import { unreadCondition } from './list-inbox.ts';
import { messageScope } from './visibility.ts';

const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

async function linksOf(tx: DbOrTx, accountId: string, id: string) {
  return tx
    .select({ type: messageRecords.recordType, id: messageRecords.recordId })
    .from(messageRecords)
    .where(and(eq(messageRecords.accountId, accountId), eq(messageRecords.messageId, id)));
}

/** Mark one inbound message read (anyone who may see it; reading twice keeps the first time). */
export async function markMessageRead(deps: Pick<Deps, 'db'>, opts: { actor: Actor; id: string }) {
  const { actor } = opts;
  await deps.db.transaction(async (tx) => {
    const m = await loadVisibleMessage(tx, actor, opts.id, { forUpdate: true });
    if (m.direction !== 'inbound' || m.readAt !== null) return;
    await tx
      .update(messages)
      .set({ readAt: new Date(), readByUserId: userIdOf(actor) })
      .where(and(eq(messages.accountId, actor.accountId), eq(messages.id, m.id)));
    await notifyLive(tx, {
      accountId: actor.accountId,
      topic: 'messages',
      kind: 'updated',
      messageId: m.id,
      direction: 'inbound',
      records: await linksOf(tx, actor.accountId, m.id),
    });
  });
}

/** Mark every unread inbound text the actor may see read (the inbox's "mark all read"). */
export async function markAllRead(deps: Pick<Deps, 'db'>, opts: { actor: Actor }) {
  const { actor } = opts;
  authorize(actor, 'sms.inbox');
  return deps.db.transaction(async (tx) => {
    const updated = await tx
      .update(messages)
      .set({ readAt: new Date(), readByUserId: userIdOf(actor) })
      .where(and(eq(messages.accountId, actor.accountId), unreadCondition(), messageScope(actor)))
      .returning({ id: messages.id });
    for (const u of updated)
      await notifyLive(tx, {
        accountId: actor.accountId,
        topic: 'messages',
        kind: 'updated',
        messageId: u.id,
        direction: 'inbound',
        records: await linksOf(tx, actor.accountId, u.id),
      });
    return { count: updated.length };
  });
}
