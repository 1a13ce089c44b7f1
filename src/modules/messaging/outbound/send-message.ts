import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/client.ts';
import type { Deps } from '../../../deps.ts';
import { AppError } from '../../../lib/errors.ts';
import { newId } from '../../../lib/ids.ts';
import { notifyLive } from '../ports.ts';
import { currentProvider } from '../providers/index.ts';
import { MESSAGE_CHANNELS, messageRecords, messages, RECORD_KINDS, type MessageOrigin } from '../schema.ts';
import { compose, type Composition } from './compose.ts';
import { attachRecordFiles } from './email-attachments.ts';
import { dispatchNow } from './engine.ts';
import { loadMessageView, type MessageView } from './message-view.ts';
import { outboundPace } from './schema.ts';
import { recordAudit, queueEmail, type Actor } from '../ports.ts';
import { clockNow } from '../clock.ts';

export const SendMessageInput = z.strictObject({
  channel: z.enum(MESSAGE_CHANNELS),
  to: z.strictObject({
    type: z.enum(RECORD_KINDS),
    id: z.uuid({ message: 'Must be a valid id.' }).toLowerCase(),
  }),
  body: z.string().max(20_000),
  subject: z.string().max(300).nullable().optional(),
  attachmentFileIds: z.array(z.uuid().toLowerCase()).max(10).optional(),
  templateId: z.uuid().toLowerCase().optional(),
  fromPhoneNumberId: z.uuid().toLowerCase().optional(),
  whenOutsideWindow: z.enum(['refuse', 'queue']).default('refuse'),
});
export type SendMessageInput = z.infer<typeof SendMessageInput>;

/** How long the request waits for the provider before answering 202 (decision 052). */
export const IMMEDIATE_DISPATCH_MS = 2000;

/** Refusals shared by the send and the engine's re-check: every one says what to do. */
export function refusalOf(c: Composition, whenOutsideWindow: 'refuse' | 'queue'): AppError | null {
  if (c.problems.length) {
    return new AppError('rule_violation', c.problems.map((p) => p.message).join(' '), {
      errors: c.problems.map((p) => ({ path: p.path ?? 'to', message: p.message })),
      extensions: {
        code: c.problems[0]!.code,
        problems: c.problems.map((p) => ({ code: p.code, message: p.message })),
      },
    });
  }
  if (c.noPhoneNumber)
    return new AppError(
      'conflict',
      'The account has no phone number to text from: an admin adds one in Settings › Phone numbers (and may make it your default).',
      { extensions: { code: 'no_phone_number' } },
    );
  if (c.optOut)
    return new AppError(
      'conflict',
      `${c.toAddress} opted out${c.optOut.accountNumber === '*' ? ' of every number of the account' : ` of ${c.optOut.accountNumber}`} ` +
        `on ${c.optOut.at.toISOString()} (${c.optOut.source}${c.optOut.keyword ? ` “${c.optOut.keyword}”` : ''}, ledger entry ${c.optOut.id}). ` +
        'Nothing was sent. Only the person can opt back in (by texting START), or record consent they gave by other means.',
      {
        extensions: {
          code: 'opted_out',
          optOut: {
            id: c.optOut.id,
            action: c.optOut.action,
            accountNumber: c.optOut.accountNumber,
            at: c.optOut.at.toISOString(),
          },
        },
      },
    );
  if (!c.window.allowed && (whenOutsideWindow === 'refuse' || !c.window.nextAllowedAt)) {
    const next = c.window.nextAllowedAt;
    return new AppError(
      'conflict',
      `Outside the texting window (${c.window.reasons.map((r) => `${r.rule} ${r.allowedHours} in ${r.zone}`).join('; ')}). ` +
        (next
          ? `Next allowed at ${next.toISOString()}: send then, or queue it.`
          : 'No opening in the next 14 days.'),
      {
        extensions: {
          code: 'outside_window',
          nextAllowedAt: next?.toISOString() ?? null,
          reasons: c.window.reasons.map((r) => ({
            rule: r.rule,
            zone: r.zone,
            localTime: r.localTime,
            allowedHours: r.allowedHours,
            citation: r.citation,
          })),
        },
      },
    );
  }
  return null;
}

/**
 * When a text accepted at `earliest` will go, given the number's pace: after the number's next free
 * slot and one interval (1/perNumberPerSecond) after the last text already waiting in the hour from
 * `earliest`. An estimate the engine keeps current; the engine alone enforces the pace.
 */
async function pacedSendAfter(
  tx: DbOrTx,
  accountId: string,
  phoneNumberId: string,
  earliest: Date,
  perSecond: number,
) {
  const [pace] = await tx
    .select({ next: outboundPace.nextSlotAt })
    .from(outboundPace)
    .where(and(eq(outboundPace.accountId, accountId), eq(outboundPace.phoneNumberId, phoneNumberId)));
  const [last] = await tx
    .select({ at: sql<string | null>`max(${messages.sendAfter})` })
    .from(messages)
    .where(
      and(
        eq(messages.status, 'pending'),
        gte(messages.sendAfter, earliest),
        lte(messages.sendAfter, new Date(earliest.getTime() + 3_600_000)),
        eq(messages.accountId, accountId),
        eq(messages.phoneNumberId, phoneNumberId),
      ),
    );
  const interval = Math.ceil(1000 / perSecond);
  const lastAt = last?.at ? new Date(last.at).getTime() + interval : 0;
  return new Date(Math.max(earliest.getTime(), pace?.next.getTime() ?? 0, lastAt));
}

export type SendResult = { message: MessageView; sent: boolean };

/**
 * A user (or the system on someone's behalf) sends a text or an email to a record. A text is
 * stored `pending` and the engine sends it; when it may go now, it is dispatched right after the
 * commit and the answer waits up to 2 s for the provider (201), else 202 with `sendAfter`.
 */
export async function sendMessage(
  deps: Deps,
  { actor, input, origin = 'user' }: { actor: Actor; input: SendMessageInput; origin?: MessageOrigin },
): Promise<SendResult> {
  const now = clockNow();
  const created = await deps.db.transaction(async (tx) => {
    const c = await compose(tx, actor, input, now);
    const refusal = refusalOf(c, input.whenOutsideWindow);
    if (refusal) throw refusal;
    const id = newId();
    const earliest = c.window.allowed ? now : c.window.nextAllowedAt!;
    let sendAfter: Date | null = null;
    let email: { dispatch: (d: Pick<Deps, 'jobs'>) => Promise<void> } | null = null;
    let emailId: string | null = null;
    if (c.channel === 'sms') {
      sendAfter = await pacedSendAfter(
        tx,
        actor.accountId,
        c.phoneNumber!.id,
        earliest,
        c.settings.perNumberPerSecond,
      );
    } else {
      const attachments = await attachRecordFiles(deps, tx, actor, input.to, input.attachmentFileIds ?? []);
      const queued = await queueRecordEmail(tx, actor.accountId, c, attachments);
      email = queued;
      emailId = queued.id;
    }
    await tx.insert(messages).values({
      accountId: actor.accountId,
      id,
      channel: c.channel,
      direction: 'outbound',
      origin,
      status: c.channel === 'sms' ? 'pending' : 'submitted',
      fromAddress: c.channel === 'sms' ? c.phoneNumber!.number : (c.sender.email ?? ''),
      toAddress: c.toAddress!,
      subject: c.subject,
      body: c.body,
      phoneNumberId: c.phoneNumber?.id ?? null,
      userId: c.sender.userId,
      emailId,
      attachmentFileIds: input.attachmentFileIds ?? [],
      provider: c.channel === 'sms' ? currentProvider().name : null,
      segments: c.segments?.segments ?? null,
      encoding: c.segments?.encoding ?? null,
      sendAfter,
      createdAt: now,
      statusAt: now,
      ...(c.channel === 'email' ? { sentAt: now } : {}),
    });
    await tx.insert(messageRecords).values({
      accountId: actor.accountId,
      messageId: id,
      recordType: input.to.type,
      recordId: input.to.id,
      createdAt: now,
    });
    await recordAudit(tx, actor, {
      type: c.channel === 'sms' && !c.window.allowed ? 'message.queued' : 'message.sent',
      subjectType: 'message',
      subjectId: id,
      data: { channel: c.channel, to: c.toAddress, origin, sendAfter: sendAfter?.toISOString() ?? null },
      record: input.to.type === 'agent' ? null : { kind: input.to.type, id: input.to.id },
    });
    await notifyLive(tx, {
      accountId: actor.accountId,
      topic: 'messages',
      kind: 'created',
      messageId: id,
      direction: 'outbound',
      records: [{ type: input.to.type, id: input.to.id }],
    });
    return { id, sendAfter, email };
  });
  let sent = false;
  if (created.email) {
    await created.email.dispatch(deps);
    sent = true;
  } else if (created.sendAfter && created.sendAfter.getTime() <= clockNow().getTime()) {
    sent = await dispatchNow(deps, actor.accountId, created.id, IMMEDIATE_DISPATCH_MS);
  }
  const message = await loadMessageView(deps.db, actor.accountId, created.id);
  return { message: message!, sent };
}

async function queueRecordEmail(
  tx: DbOrTx,
  accountId: string,
  c: Composition,
  attachments: Awaited<ReturnType<typeof attachRecordFiles>>,
) {
  return queueEmail(tx, accountId, {
    kind: 'message',
    to: c.toAddress!,
    subject: c.subject ?? '',
    text: c.body,
    attachments,
    // From the user's name (seed 001: email from a record goes out as the agent), replies to them.
    fromName: c.sender.userId ? c.sender.name : c.sender.accountName,
    replyTo: c.sender.email,
  });
}
