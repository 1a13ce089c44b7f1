import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { newId } from '../../../lib/ids.ts';
import { notifyLive } from '../ports.ts';
import { FINAL_STATUSES, isDeliveryStatus, nextDeliveryStatus } from '../rules/index.ts';
import {
  messageRecords,
  messages,
  messageStatusEvents,
  optOutLedger,
  type MessagingProvider,
} from '../schema.ts';

export type DeliveryStatusReport = {
  provider: MessagingProvider;
  providerMessageId: string;
  status: string;
  errorCode?: string | null | undefined;
  occurredAt?: Date | undefined;
  raw?: Record<string, string>;
};

export type ApplyResult =
  | { applied: true; messageId: string; accountId: string; deliveryStatus: string }
  | { applied: false; reason: 'unknown_message' | 'duplicate' | 'unknown_status'; messageId?: string };

/** Twilio: the recipient replied STOP to this number; sending again is refused by the carrier. */
export const UNSUBSCRIBED_ERROR = '21610';

/**
 * A delivery state reported by the provider (a Twilio status callback, or the simulator): each
 * (message, state) is recorded once, in any order; the message's `deliveryStatus` only moves forward
 * (rules/delivery-status.ts), so a replay or a late `sent` after `delivered` changes nothing. Error
 * 21610 records an opt-out in the ledger (source 'provider'), once.
 */
export async function applyDeliveryStatus(db: Db, report: DeliveryStatusReport): Promise<ApplyResult> {
  if (!isDeliveryStatus(report.status)) return { applied: false, reason: 'unknown_status' };
  return db.transaction(async (tx) => {
    const [m] = await tx
      .select({
        accountId: messages.accountId,
        id: messages.id,
        deliveryStatus: messages.deliveryStatus,
        direction: messages.direction,
        toAddress: messages.toAddress,
        fromAddress: messages.fromAddress,
      })
      .from(messages)
      .where(
        and(eq(messages.provider, report.provider), eq(messages.providerMessageId, report.providerMessageId)),
      )
      .for('update');
    if (!m) return { applied: false, reason: 'unknown_message' } as const;
    const errorCode = report.errorCode || null;
    const inserted = await tx
      .insert(messageStatusEvents)
      .values({
        accountId: m.accountId,
        id: newId(),
        messageId: m.id,
        status: report.status,
        errorCode,
        ...(report.occurredAt ? { occurredAt: report.occurredAt } : {}),
        raw: report.raw ?? {},
      })
      .onConflictDoNothing()
      .returning({ id: messageStatusEvents.id });
    if (!inserted.length) return { applied: false, reason: 'duplicate', messageId: m.id } as const;
    const next = nextDeliveryStatus(m.deliveryStatus, report.status);
    const failed = report.status === 'failed' || report.status === 'undelivered';
    if (next.changed) {
      await tx
        .update(messages)
        .set({
          deliveryStatus: next.status,
          statusAt: sql`now()`,
          ...(failed
            ? {
                errorCode,
                errorMessage: `The carrier reported the text ${report.status}${errorCode ? ` (error ${errorCode})` : ''}.`,
              }
            : FINAL_STATUSES.has(next.status)
              ? { errorCode: null, errorMessage: null }
              : {}),
        })
        .where(and(eq(messages.accountId, m.accountId), eq(messages.id, m.id)));
    }
    if (errorCode === UNSUBSCRIBED_ERROR && m.direction === 'outbound') {
      await tx.insert(optOutLedger).values({
        accountId: m.accountId,
        id: newId(),
        phone: m.toAddress,
        accountNumber: m.fromAddress,
        action: 'opt_out',
        source: 'provider',
        messageId: m.id,
        body: `Carrier error ${UNSUBSCRIBED_ERROR}: the recipient unsubscribed from this number.`,
      });
    }
    if (next.changed) {
      const records = await tx
        .select({ type: messageRecords.recordType, id: messageRecords.recordId })
        .from(messageRecords)
        .where(and(eq(messageRecords.accountId, m.accountId), eq(messageRecords.messageId, m.id)));
      await notifyLive(tx, {
        accountId: m.accountId,
        topic: 'messages',
        kind: 'updated',
        messageId: m.id,
        direction: m.direction,
        records,
      });
    }
    return {
      applied: true,
      messageId: m.id,
      accountId: m.accountId,
      deliveryStatus: next.status ?? report.status,
    } as const;
  });
}
