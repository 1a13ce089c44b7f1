import { and, eq, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { AppError } from '../../../lib/errors.ts';
import { toE164 } from '../../../lib/phone.ts';
import { messageRecords, messages } from '../schema.ts';
import { createSalesRecord, notifyLive, type Actor } from '../inbound/ports.ts';
import { loadVisibleMessage } from './message-view.ts';

export const CreateLeadInput = z.strictObject({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  recordTypeId: z.uuid().optional(),
});

/**
 * A lead from an unknown sender: a Sales Record with the sender's phone, made by the
 * sales-records module's own create use case (its permissions, audit event and rules), then every
 * text from or to that number linked to it — in one transaction (the create runs in a savepoint of
 * it), so a refused create links nothing.
 */
export async function createLeadFromMessage(
  deps: Deps,
  opts: { actor: Actor; id: string; input: z.infer<typeof CreateLeadInput> },
) {
  const { actor, input } = opts;
  return deps.db.transaction(async (tx) => {
    const m = await loadVisibleMessage(tx, actor, opts.id, { forUpdate: true });
    const phone = m.direction === 'inbound' ? m.fromAddress : m.toAddress;
    if (m.channel !== 'sms' || !toE164(phone))
      throw new AppError('rule_violation', 'Only a text from a phone number can become a lead.');
    const [already] = await tx
      .select({ id: messageRecords.recordId })
      .from(messageRecords)
      .where(and(eq(messageRecords.accountId, actor.accountId), eq(messageRecords.messageId, m.id)))
      .limit(1);
    if (already)
      throw new AppError('conflict', 'This sender already matches a record: open it from the message.');
    const record = await createSalesRecord(
      { ...deps, db: tx as unknown as Deps['db'] },
      {
        actor,
        input: {
          firstName: input.firstName,
          lastName: input.lastName,
          phone,
          recordTypeId: input.recordTypeId,
        },
      },
    );
    const texts = await tx
      .select({ id: messages.id, createdAt: messages.createdAt, direction: messages.direction })
      .from(messages)
      .where(
        and(
          eq(messages.accountId, actor.accountId),
          eq(messages.channel, 'sms'),
          or(
            and(eq(messages.direction, 'inbound'), eq(messages.fromAddress, phone)),
            and(eq(messages.direction, 'outbound'), eq(messages.toAddress, phone)),
          ),
        ),
      );
    if (texts.length) {
      await tx
        .insert(messageRecords)
        .values(
          texts.map((t) => ({
            accountId: actor.accountId,
            messageId: t.id,
            recordType: 'sales_record' as const,
            recordId: record.id,
            createdAt: t.createdAt,
          })),
        )
        .onConflictDoNothing();
      for (const t of texts)
        await notifyLive(tx, {
          accountId: actor.accountId,
          topic: 'messages',
          kind: 'updated',
          messageId: t.id,
          direction: t.direction,
          records: [{ type: 'sales_record', id: record.id }],
        });
    }
    return { salesRecordId: record.id, linkedMessages: texts.length };
  });
}
