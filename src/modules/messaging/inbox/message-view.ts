import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { notFound } from '../../../lib/errors.ts';
import { messageRecords, messages, phoneNumbers, type RecordKind } from '../schema.ts';
import { agents, individuals, recordFiles, salesRecords, users, type Actor } from '../inbound/ports.ts';
import { messageScope, seesAllMessages, visibleLink } from './visibility.ts';

export type MessageRow = typeof messages.$inferSelect;

/**
 * Messages as the API shows them (the contract's `Message`): the records each belongs to with
 * their names (only those the viewer may see, unless they see every text), the sending user's
 * name, the account number, attachment names. Four queries for a whole page.
 */
export async function toMessageViews(tx: DbOrTx, actor: Actor, rows: MessageRow[]) {
  if (rows.length === 0) return [];
  const accountId = actor.accountId;
  const ids = rows.map((r) => r.id);
  const userIds = [...new Set(rows.map((r) => r.userId).filter((v): v is string => v !== null))];
  const numberIds = [...new Set(rows.map((r) => r.phoneNumberId).filter((v): v is string => v !== null))];
  const fileIds = [...new Set(rows.flatMap((r) => r.attachmentFileIds))];
  const name = sql<string>`coalesce(
    (select s.first_name || ' ' || s.last_name from ${salesRecords} s
      where s.account_id = ${messageRecords.accountId} and s.id = ${messageRecords.recordId} and ${messageRecords.recordType} = 'sales_record'),
    (select i.first_name || ' ' || i.last_name from ${individuals} i
      where i.account_id = ${messageRecords.accountId} and i.id = ${messageRecords.recordId} and ${messageRecords.recordType} = 'individual'),
    (select a.first_name || ' ' || a.last_name from ${agents} a
      where a.account_id = ${messageRecords.accountId} and a.id = ${messageRecords.recordId} and ${messageRecords.recordType} = 'agent'),
    '')`;
  // One after another: a transaction is one connection (and pg 9 drops queued concurrent queries).
  const links = await tx
    .select({
      messageId: messageRecords.messageId,
      type: messageRecords.recordType,
      id: messageRecords.recordId,
      name,
    })
    .from(messageRecords)
    .where(
      and(
        eq(messageRecords.accountId, accountId),
        inArray(messageRecords.messageId, ids),
        seesAllMessages(actor) ? undefined : visibleLink(actor),
      ),
    );
  const people = userIds.length
    ? await tx
        .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
        .from(users)
        .where(and(eq(users.accountId, accountId), inArray(users.id, userIds)))
    : [];
  const numbers = numberIds.length
    ? await tx
        .select({ id: phoneNumbers.id, number: phoneNumbers.number, label: phoneNumbers.label })
        .from(phoneNumbers)
        .where(and(eq(phoneNumbers.accountId, accountId), inArray(phoneNumbers.id, numberIds)))
    : [];
  const files = fileIds.length
    ? await tx
        .select({ id: recordFiles.id, name: recordFiles.name })
        .from(recordFiles)
        .where(and(eq(recordFiles.accountId, accountId), inArray(recordFiles.id, fileIds)))
    : [];
  const recordsOf = new Map<string, { type: RecordKind; id: string; name: string }[]>();
  for (const l of links) {
    const list = recordsOf.get(l.messageId) ?? [];
    list.push({ type: l.type, id: l.id, name: l.name });
    recordsOf.set(l.messageId, list);
  }
  const userOf = new Map(people.map((u) => [u.id, { id: u.id, name: `${u.firstName} ${u.lastName}` }]));
  const numberOf = new Map(numbers.map((n) => [n.id, n]));
  const fileName = new Map(files.map((f) => [f.id, f.name]));
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    direction: r.direction,
    status: r.status,
    deliveryStatus: r.deliveryStatus,
    from: r.fromAddress,
    to: r.toAddress,
    subject: r.subject,
    body: r.body,
    segments: r.segments,
    encoding: r.encoding,
    sendAfter: r.sendAfter,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
    statusAt: r.statusAt,
    user: (r.userId && userOf.get(r.userId)) || null,
    records: recordsOf.get(r.id) ?? [],
    phoneNumber: (r.phoneNumberId && numberOf.get(r.phoneNumberId)) || null,
    readAt: r.readAt,
    revocation: r.revocation,
    errorCode: r.errorCode,
    errorMessage: r.errorMessage,
    attachments: r.attachmentFileIds.map((fileId) => ({ fileId, name: fileName.get(fileId) ?? '' })),
  }));
}

/** One message the actor may see (404 otherwise, like another account's). */
export async function loadVisibleMessage(
  tx: DbOrTx,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<MessageRow> {
  const q = tx
    .select()
    .from(messages)
    .where(and(eq(messages.accountId, actor.accountId), eq(messages.id, id), messageScope(actor)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('Message');
  return row;
}
