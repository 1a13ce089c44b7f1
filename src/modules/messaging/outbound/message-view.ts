import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { agents, individuals, recordFiles, salesRecords, users } from '../ports.ts';
import { messageRecords, messages, messageStatusEvents, phoneNumbers, type RecordKind } from '../schema.ts';

type MessageRow = typeof messages.$inferSelect;

export type MessageView = {
  id: string;
  channel: 'sms' | 'email';
  direction: 'outbound' | 'inbound';
  status: MessageRow['status'];
  deliveryStatus: MessageRow['deliveryStatus'];
  from: string;
  to: string;
  subject: string | null;
  body: string;
  segments: number | null;
  encoding: 'GSM-7' | 'UCS-2' | null;
  sendAfter: Date | null;
  createdAt: Date;
  sentAt: Date | null;
  statusAt: Date | null;
  user: { id: string; name: string } | null;
  records: { type: RecordKind; id: string; name: string }[];
  phoneNumber: { id: string; number: string; label: string } | null;
  readAt: Date | null;
  revocation: MessageRow['revocation'];
  errorCode: string | null;
  errorMessage: string | null;
  attachments: { fileId: string; name: string }[];
  statusHistory?: { status: string; errorCode: string | null; occurredAt: Date }[];
};

async function recordNames(
  db: DbOrTx,
  accountId: string,
  links: { recordType: RecordKind; recordId: string }[],
) {
  const names = new Map<string, string>();
  const ids = (k: RecordKind) => links.filter((l) => l.recordType === k).map((l) => l.recordId);
  const load = async (kind: RecordKind, table: typeof salesRecords | typeof individuals | typeof agents) => {
    const wanted = ids(kind);
    if (!wanted.length) return;
    const rows = await db
      .select({ id: table.id, firstName: table.firstName, lastName: table.lastName })
      .from(table)
      .where(and(eq(table.accountId, accountId), inArray(table.id, wanted)));
    for (const r of rows) names.set(`${kind}:${r.id}`, `${r.firstName} ${r.lastName}`.trim());
  };
  await Promise.all([
    load('sales_record', salesRecords),
    load('individual', individuals),
    load('agent', agents),
  ]);
  return names;
}

/** One message as the API shows it (`Message` of the contract), with its status history if asked. */
export async function loadMessageView(
  db: DbOrTx,
  accountId: string,
  id: string,
  opts: { history?: boolean } = {},
): Promise<MessageView | null> {
  const [m] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.accountId, accountId), eq(messages.id, id)));
  if (!m) return null;
  const [links, user, number, files, history] = await Promise.all([
    db
      .select({ recordType: messageRecords.recordType, recordId: messageRecords.recordId })
      .from(messageRecords)
      .where(and(eq(messageRecords.accountId, accountId), eq(messageRecords.messageId, id))),
    m.userId
      ? db
          .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
          .from(users)
          .where(and(eq(users.accountId, accountId), eq(users.id, m.userId)))
      : Promise.resolve([]),
    m.phoneNumberId
      ? db
          .select({ id: phoneNumbers.id, number: phoneNumbers.number, label: phoneNumbers.label })
          .from(phoneNumbers)
          .where(and(eq(phoneNumbers.accountId, accountId), eq(phoneNumbers.id, m.phoneNumberId)))
      : Promise.resolve([]),
    m.attachmentFileIds.length
      ? db
          .select({ fileId: recordFiles.id, name: recordFiles.name })
          .from(recordFiles)
          .where(and(eq(recordFiles.accountId, accountId), inArray(recordFiles.id, m.attachmentFileIds)))
      : Promise.resolve([]),
    opts.history
      ? db
          .select({
            status: messageStatusEvents.status,
            errorCode: messageStatusEvents.errorCode,
            occurredAt: messageStatusEvents.occurredAt,
          })
          .from(messageStatusEvents)
          .where(and(eq(messageStatusEvents.accountId, accountId), eq(messageStatusEvents.messageId, id)))
          .orderBy(asc(messageStatusEvents.occurredAt), asc(messageStatusEvents.receivedAt))
      : Promise.resolve(undefined),
  ]);
  const names = await recordNames(db, accountId, links);
  const u = user[0];
  return {
    id: m.id,
    channel: m.channel,
    direction: m.direction,
    status: m.status,
    deliveryStatus: m.deliveryStatus,
    from: m.fromAddress,
    to: m.toAddress,
    subject: m.subject,
    body: m.body,
    segments: m.segments,
    encoding: m.encoding,
    sendAfter: m.sendAfter,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
    statusAt: m.statusAt,
    user: u ? { id: u.id, name: `${u.firstName} ${u.lastName}`.trim() } : null,
    records: links.map((l) => ({
      type: l.recordType,
      id: l.recordId,
      name: names.get(`${l.recordType}:${l.recordId}`) ?? '',
    })),
    phoneNumber: number[0] ?? null,
    readAt: m.readAt,
    revocation: m.revocation,
    errorCode: m.errorCode,
    errorMessage: m.errorMessage,
    attachments: files,
    ...(history ? { statusHistory: history } : {}),
  };
}
