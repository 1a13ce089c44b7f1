import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.ts';
import { newId } from '../../../lib/ids.ts';
import { toE164 } from '../../../lib/phone.ts';
import { classifyInbound, countSegments, type InboundClassification } from '../rules/index.ts';
import { messageRecords, messages, messagingSettings, type MessagingProvider } from '../schema.ts';
import { isOptedOut } from '../opt-outs/consent-state.ts';
import { recordOptOut } from '../opt-outs/record-opt-out.ts';
import type { MatchedRecord } from './store-inbound.ts';
import { storeInbound } from './store-inbound.ts';
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
  const classification = classifyInbound(input.body);
  const seg = countSegments(input.body);
  const messageId = newId();

  const run = async (tx: DbOrTx): Promise<ReceiveOutcome> => {
    const stored = await storeInbound(tx, {
      id: messageId,
      provider: input.provider,
      providerMessageId: input.providerMessageId,
      from,
      to,
      body: input.body,
      segments: seg.segments,
      encoding: seg.encoding,
      revocation: classification.kind === 'likely_revocation' ? 'flagged' : null,
      onlyAccountId: opts.onlyAccountId ?? null,
    });
    if (!stored.stored) {
      if (!stored.accountId) return { outcome: 'unknown_number' };
      const [existing] = await tx
        .select({ id: messages.id })
        .from(messages)
        .where(
          and(eq(messages.provider, input.provider), eq(messages.providerMessageId, input.providerMessageId)),
        );
      return { outcome: 'replay', messageId: existing?.id ?? '' };
    }
    const { accountId, records, number } = stored;
    let replyBody: string | null = null;
    const ledger = { accountId, phone: from, messageId, body: input.body };
    const settings = async () => {
      const [s] = await tx
        .select({
          agency: accounts.name,
          helpText: messagingSettings.helpText,
          optOutConfirmation: messagingSettings.optOutConfirmation,
        })
        .from(accounts)
        .leftJoin(messagingSettings, eq(messagingSettings.accountId, accounts.id))
        .where(eq(accounts.id, accountId));
      return s!;
    };
    switch (classification.kind) {
      case 'opt_out': {
        const all = classification.keyword === 'STOPALL';
        // One confirmation per opt-out: none when the number was already opted out (a second STOP).
        const already = await isOptedOut(tx, { accountId, phone: from, accountNumber: number });
        await recordOptOut(tx, {
          ...ledger,
          accountNumber: all ? '*' : number,
          action: 'opt_out',
          source: 'keyword',
          keyword: classification.keyword ?? null,
        });
        if (!already) {
          const s = await settings();
          replyBody = s.optOutConfirmation ?? defaultConfirmation(s.agency, all);
        }
        break;
      }
      case 'opt_in':
        await recordOptOut(tx, {
          ...ledger,
          accountNumber: number,
          action: 'opt_in',
          source: 'keyword',
          keyword: classification.keyword ?? null,
        });
        break;
      case 'help': {
        const s = await settings();
        replyBody = s.helpText ?? defaultHelp(s.agency);
        break;
      }
      case 'likely_revocation':
        await recordOptOut(tx, {
          ...ledger,
          accountNumber: number,
          action: 'revocation_flagged',
          source: 'message',
        });
        break;
      case 'none':
        break;
    }

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
        fromAddress: number,
        toAddress: from,
        body: replyBody,
        phoneNumberId: stored.phoneNumberId,
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
      await notifyLive(tx, {
        accountId,
        topic: 'messages',
        kind: 'created',
        messageId: replyId,
        direction: 'outbound',
        records,
      });
      reply = { messageId: replyId, body: replyBody };
    }
    return { outcome: 'stored', accountId, messageId, records, classification, reply };
  };
  // A plain text is one atomic statement; a keyword or a flag adds ledger rows (and maybe the
  // answer) in the same transaction.
  return classification.kind === 'none' ? run(db) : db.transaction(run);
}
