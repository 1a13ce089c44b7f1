import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../../deps.ts';
import { AppError } from '../../../lib/errors.ts';
import { authorize, notifyLive, recordAudit, type Actor } from '../ports.ts';
import { messageRecords, messages } from '../schema.ts';
import { assertMessageVisible } from './get-message.ts';
import { loadMessageView, type MessageView } from './message-view.ts';

/** Cancel a text still pending (queued for its window or the pace): its sender, or an account admin. */
export async function cancelMessage(
  deps: Pick<Deps, 'db'>,
  { actor, id }: { actor: Actor; id: string },
): Promise<MessageView> {
  await deps.db.transaction(async (tx) => {
    const m = await assertMessageVisible(tx, actor, id);
    if (!(actor.kind === 'user' && m.userId === actor.userId)) authorize(actor, 'users.manage');
    const [row] = await tx
      .update(messages)
      .set({ status: 'canceled', statusAt: new Date() })
      .where(
        and(eq(messages.accountId, actor.accountId), eq(messages.id, id), eq(messages.status, 'pending')),
      )
      .returning({ id: messages.id });
    if (!row)
      throw new AppError(
        'conflict',
        'Only a pending message can be canceled: this one is already on its way or settled.',
        {
          extensions: { code: 'not_pending' },
        },
      );
    await recordAudit(tx, actor, {
      type: 'message.canceled',
      subjectType: 'message',
      subjectId: id,
      data: {},
    });
    const records = await tx
      .select({ type: messageRecords.recordType, id: messageRecords.recordId })
      .from(messageRecords)
      .where(and(eq(messageRecords.accountId, actor.accountId), eq(messageRecords.messageId, id)));
    await notifyLive(tx, {
      accountId: actor.accountId,
      topic: 'messages',
      kind: 'updated',
      messageId: id,
      direction: 'outbound',
      records,
    });
  });
  return (await loadMessageView(deps.db, actor.accountId, id, { history: true }))!;
}
