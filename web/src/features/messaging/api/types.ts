/**
 * The messaging API's types, written by hand from the contract (briefs/messaging-contract.md)
 * until the server's routes are merged and `npm run api:generate` puts them in api/schema.d.ts.
 * Everything the messaging feature knows of the wire format is in this one file, so the
 * integrator can swap it for the generated types.
 */

export type Channel = 'sms' | 'email';
export type Direction = 'outbound' | 'inbound';
export type RecordKind = 'sales_record' | 'individual' | 'agent';
/** Our state of the message (messaging/schema.ts). */
export type MessageStatus =
  | 'pending'
  | 'dispatching'
  | 'outcome_unknown'
  | 'submitted'
  | 'refused'
  | 'failed'
  | 'canceled'
  | 'received';
/** The provider's delivery state (messaging/rules/delivery-status.ts). */
export type DeliveryStatus =
  | 'accepted'
  | 'scheduled'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'read'
  | 'canceled'
  | 'receiving'
  | 'received';
export type Encoding = 'GSM-7' | 'UCS-2';

export type RecordRef = { type: RecordKind; id: string };
export type NamedRecordRef = RecordRef & { name: string };

export type Message = {
  id: string;
  channel: Channel;
  direction: Direction;
  status: MessageStatus;
  deliveryStatus: DeliveryStatus | null;
  from: string;
  to: string;
  subject: string | null;
  body: string;
  segments: number | null;
  encoding: Encoding | null;
  sendAfter: string | null;
  createdAt: string;
  sentAt: string | null;
  statusAt: string | null;
  user: { id: string; name: string } | null;
  records: NamedRecordRef[];
  phoneNumber: { id: string; number: string; label: string } | null;
  readAt: string | null;
  revocation: 'flagged' | 'confirmed' | 'dismissed' | null;
  errorCode: string | null;
  errorMessage: string | null;
  attachments: { fileId: string; name: string }[];
};

export type StatusHistoryEntry = { status: string; errorCode: string | null; occurredAt: string };
export type MessageWithHistory = Message & { statusHistory: StatusHistoryEntry[] };

export type Page<T> = { items: T[]; nextCursor: string | null };

export type PhoneNumber = {
  id: string;
  number: string;
  label: string;
  provider: 'simulator' | 'twilio';
  createdAt: string;
  isMyDefault: boolean;
};
export type PhoneNumberInput = { number: string; label: string };

export type MessagingSettings = {
  helpText: string | null;
  optOutConfirmation: string | null;
  senderWindowStart: string;
  senderWindowEnd: string;
  perNumberPerSecond: number;
  brandDailyCap: number;
};

export type MessageTemplate = {
  id: string;
  name: string;
  channel: Channel;
  subject: string | null;
  body: string;
};
export type MessageTemplateInput = Omit<MessageTemplate, 'id'>;

/** `GET /message-templates/merge-fields`: the contract says "the fields list". */
export type MergeFieldInfo = { name: string; description?: string; example?: string };
export type MergeFieldsResponse = { items: (MergeFieldInfo | string)[] };

export type Problem = { code: string; message: string };
export type SegmentsInfo = {
  encoding: Encoding;
  segments: number;
  characters: number;
  remainingInSegment: number;
};
export type WindowState = { allowed: boolean; nextAllowedAt: string | null; reasons: string[] };

export type PreviewInput = { channel: Channel; to: RecordRef; body: string; subject?: string };
export type Preview = {
  body: string;
  subject: string | null;
  segments: SegmentsInfo;
  problems: Problem[];
  window: WindowState;
  optedOut: boolean;
};

export type SendInput = {
  channel: Channel;
  to: RecordRef;
  body: string;
  subject?: string;
  attachmentFileIds?: string[];
  templateId?: string;
  fromPhoneNumberId?: string;
  whenOutsideWindow: 'refuse' | 'queue';
};

export type InboxBox = 'all' | 'unread' | 'unmatched' | 'flagged';
export type InboxQuery = {
  box: InboxBox;
  channel?: Channel;
  direction?: Direction;
  q?: string;
  cursor?: string;
  limit?: number;
};

export type OptOutAction = 'opt_out' | 'opt_in' | 'revocation_confirmed';
export type OptOutEntry = {
  id: string;
  phone: string;
  accountNumber: string;
  action: OptOutAction | string;
  source: string;
  keyword: string | null;
  body: string | null;
  messageId: string | null;
  userId: string | null;
  at: string;
};
export type OptOutInput = {
  phone: string;
  accountNumber?: string;
  action: 'opt_out' | 'opt_in';
  note: string;
};

export type SimulatorInbound = { from: string; to: string; body: string };

/** `GET /events` frames (`event: message`). */
export type LiveMessageEvent = {
  kind: 'created' | 'updated';
  messageId: string;
  direction: Direction;
  records: RecordRef[];
};
