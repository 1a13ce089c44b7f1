import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../../deps.ts';
import { AppError } from '../../../lib/errors.ts';
import { messageRecords, messages } from '../schema.ts';
import { notifyLive, type Actor } from '../inbound/ports.ts';
import { loadVisibleMessage, toMessageViews } from '../inbox/message-view.ts';
import { recordOptOut } from './record-opt-out.ts';

/**
 * Confirm (an opt-out from then on) or dismiss a text flagged as a likely revocation of consent,
 * in one click, by anyone who may see the message. The message's flag moves on; the ledger gets a
 * `revocation_confirmed` / `revocation_dismissed` row with the user — the flag row stays.
 */
export async function resolveRevocation(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; id: string; decision: 'confirmed' | 'dismissed' },
) {
  const { actor, decision } = opts;
  return deps.db.transaction(async (tx) => {
    const m = await loadVisibleMessage(tx, actor, opts.id, { forUpdate: true });
    if (m.revocation !== 'flagged')
      throw new AppError(
        'conflict',
        m.revocation ? `This text was already ${m.revocation}.` : 'This text is not flagged as a revocation.',
      );
    await tx
      .update(messages)
      .set({ revocation: decision })
      .where(and(eq(messages.accountId, actor.accountId), eq(messages.id, m.id)));
    await recordOptOut(tx, {
      accountId: actor.accountId,
      phone: m.fromAddress,
      accountNumber: m.toAddress,
      action: decision === 'confirmed' ? 'revocation_confirmed' : 'revocation_dismissed',
      source: 'user',
      messageId: m.id,
      body: m.body,
      userId: actor.kind === 'user' ? actor.userId : null,
    });
    const records = await tx
      .select({ type: messageRecords.recordType, id: messageRecords.recordId })
      .from(messageRecords)
      .where(and(eq(messageRecords.accountId, actor.accountId), eq(messageRecords.messageId, m.id)));
    await notifyLive(tx, {
      accountId: actor.accountId,
      topic: 'messages',
      kind: 'updated',
      messageId: m.id,
      direction: m.direction,
      records,
    });
    const [view] = await toMessageViews(tx, actor, [{ ...m, revocation: decision }]);
    return view!;
  });
}
