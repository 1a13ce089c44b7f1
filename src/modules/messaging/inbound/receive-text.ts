import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { newId } from '../../../lib/ids.ts';
import { toE164 } from '../../../lib/phone.ts';
import { classifyInbound, countSegments, type InboundClassification } from '../rules/index.ts';
import {
  messageRecords,
  messages,
  messagingSettings,
  phoneNumbers,
  type MessagingProvider,
} from '../schema.ts';
import { isOptedOut } from '../opt-outs/consent-state.ts';
import { recordOptOut } from '../opt-outs/record-opt-out.ts';
import { matchRecordsByPhone, type MatchedRecord } from './match-records.ts';
import { accounts, notifyLive } from './ports.ts';

/** A text a beneficiary sent to one of the account's numbers, as the provider reported it. */
export type InboundText = {
  provider: MessagingProvider;
  /** The provider's id (Twilio `SM…`/`MM…`): a replay of the same id stores nothing new. */
  providerMessageId: string;
  from: string;
  to: string;
  body: string;
};

export type ReceiveOutcome =
  /** `To` is not a number of any account (or not of `onlyAccountId`'s): nothing stored. */
  | { outcome: 'unknown_number' }
  /** Already received (same provider id): nothing stored, nothing answered. */
  | { outcome: 'replay'; messageId: string }
  | {
      outcome: 'stored';
      accountId: string;
      messageId: string;
      records: MatchedRecord[];
      classification: InboundClassification;
      /** The one text answered (HELP text, opt-out confirmation), already stored as a message. */
      reply: { messageId: string; body: string } | null;
    };

/** The simulator's ids look like Twilio's: a prefix and 32 hex digits. */
export const simulatorMessageId = () => `SIM${randomBytes(16).toString('hex')}`;

const defaultHelp = (agency: string) =>
  `${agency}: reply to this text to reach your agent. Reply STOP to opt out. Msg & data rates may apply.`;
const defaultConfirmation = (agency: string, all: boolean) =>
  `${agency}: you are unsubscribed and will get no more texts from ${all ? 'any of our numbers' : 'this number'}. Reply START to resubscribe.`;

/**
 * The inbound pipeline, the same for the Twilio webhook and the simulator: find the account by
 * the number texted, store the message (`received`) once per provider id, link every record whose
 * phone matches (none: the inbox's "unmatched"), apply the opt-out keywords to the ledger, flag a
 * likely revocation, and store the single answer (HELP text, or the confirmation of a new
 * opt-out) — all in one transaction, with a live event for each message on commit.
 */
export async function receiveText(
  db: Db,
  input: InboundText,
  opts: { onlyAccountId?: string } = {},
): Promise<ReceiveOutcome> {
  const to = toE164(input.to) ?? input.to.trim();
  const rawFrom = input.from.trim();
  const from = toE164(rawFrom) ?? rawFrom;
  return db.transaction(async (tx) => {
    const [number] = await tx
      .select({
        id: phoneNumbers.id,
        accountId: phoneNumbers.accountId,
        number: phoneNumbers.number,
        agency: accounts.name,
        helpText: messagingSettings.helpText,
        optOutConfirmation: messagingSettings.optOutConfirmation,
      })
      .from(phoneNumbers)
      .innerJoin(accounts, eq(accounts.id, phoneNumbers.accountId))
      .leftJoin(messagingSettings, eq(messagingSettings.accountId, phoneNumbers.accountId))
      .where(and(eq(phoneNumbers.number, to), isNull(phoneNumbers.deletedAt)));
    if (!number || (opts.onlyAccountId && number.accountId !== opts.onlyAccountId))
      return { outcome: 'unknown_number' as const };
    const accountId = number.accountId;

    const classification = classifyInbound(input.body);
    const seg = countSegments(input.body);
    const messageId = newId();
    const inserted = await tx
      .insert(messages)
      .values({
        accountId,
        id: messageId,
        channel: 'sms',
        direction: 'inbound',
        status: 'received',
        deliveryStatus: 'received',
        fromAddress: from,
        toAddress: number.number,
        body: input.body,
        phoneNumberId: number.id,
        provider: input.provider,
        providerMessageId: input.providerMessageId,
        segments: seg.segments,
        encoding: seg.encoding,
        statusAt: new Date(),
        revocation: classification.kind === 'likely_revocation' ? 'flagged' : null,
      })
      .onConflictDoNothing()
      .returning({ id: messages.id });
    if (inserted.length === 0) {
      const [existing] = await tx
        .select({ id: messages.id })
        .from(messages)
        .where(
          and(eq(messages.provider, input.provider), eq(messages.providerMessageId, input.providerMessageId)),
        );
      return { outcome: 'replay' as const, messageId: existing?.id ?? '' };
    }

    const records = await matchRecordsByPhone(tx, accountId, from);
    if (records.length)
      await tx
        .insert(messageRecords)
        .values(records.map((r) => ({ accountId, messageId, recordType: r.type, recordId: r.id })));

    let replyBody: string | null = null;
    const ledger = { accountId, phone: from, messageId, body: input.body };
    switch (classification.kind) {
      case 'opt_out': {
        const all = classification.keyword === 'STOPALL';
        const accountNumber = all ? '*' : number.number;
        // One confirmation per opt-out: none when the number was already opted out (a second STOP).
        const already = await isOptedOut(tx, { accountId, phone: from, accountNumber: number.number });
        await recordOptOut(tx, {
          ...ledger,
          accountNumber,
          action: 'opt_out',
          source: 'keyword',
          keyword: classification.keyword ?? null,
        });
        if (!already) replyBody = number.optOutConfirmation ?? defaultConfirmation(number.agency, all);
        break;
      }
      case 'opt_in':
        await recordOptOut(tx, {
          ...ledger,
          accountNumber: number.number,
          action: 'opt_in',
          source: 'keyword',
          keyword: classification.keyword ?? null,
        });
        break;
      case 'help':
        replyBody = number.helpText ?? defaultHelp(number.agency);
        break;
      case 'likely_revocation':
        await recordOptOut(tx, {
          ...ledger,
          accountNumber: number.number,
          action: 'revocation_flagged',
          source: 'message',
        });
        break;
      case 'none':
        break;
    }
    const live = { accountId, topic: 'messages' as const, direction: 'inbound' as const, records };
    await notifyLive(tx, { ...live, kind: 'created', messageId });

    let reply: { messageId: string; body: string } | null = null;
    if (replyBody !== null) {
      const replyId = newId();
      const rs = countSegments(replyBody);
      const now = new Date();
      await tx.insert(messages).values({
        accountId,
        id: replyId,
        channel: 'sms',
        direction: 'outbound',
        origin: 'system',
        status: 'submitted',
        fromAddress: number.number,
        toAddress: from,
        body: replyBody,
        phoneNumberId: number.id,
        provider: input.provider,
        // Twilio carries the answer in the webhook's TwiML (no id known here); the simulator's
        // fake phone gets it at once.
        providerMessageId: input.provider === 'simulator' ? simulatorMessageId() : null,
        segments: rs.segments,
        encoding: rs.encoding,
        sentAt: now,
        statusAt: now,
      });
      if (records.length)
        await tx
          .insert(messageRecords)
          .values(
            records.map((r) => ({ accountId, messageId: replyId, recordType: r.type, recordId: r.id })),
          );
      await notifyLive(tx, { ...live, kind: 'created', messageId: replyId, direction: 'outbound' });
      reply = { messageId: replyId, body: replyBody };
    }
    return { outcome: 'stored' as const, accountId, messageId, records, classification, reply };
  });
}
