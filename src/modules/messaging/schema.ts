import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, ts } from '../../db/columns.ts';
import { accounts } from '../accounts/schema.ts';
import type { DeliveryStatus } from './rules/delivery-status.ts';

/**
 * Messaging: the account's one way to reach a person (issue 13). Texts and emails, outbound and
 * inbound, live in `messages`; the records a message belongs to in `message_records`; every
 * delivery state a provider reported in `message_status_events`; consent in the append-only
 * `opt_out_ledger`.
 */

export const MESSAGE_CHANNELS = ['sms', 'email'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const MESSAGE_DIRECTIONS = ['outbound', 'inbound'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/** Who asked for an outbound message: a user from a record, or the system on someone's behalf. */
export const MESSAGE_ORIGINS = ['user', 'system', 'workflow', 'campaign', 'form', 'rx_collect'] as const;
export type MessageOrigin = (typeof MESSAGE_ORIGINS)[number];

/**
 * Where a message is in OUR hands (the provider's own delivery state is `deliveryStatus`):
 * - `pending`: waiting to go (the texting window, the carrier pace, a retry after an outage);
 *   `sendAfter` says when. Re-checked (window, opt-out) when it is taken.
 * - `dispatching`: handed to the provider, no answer yet. A crash here leaves it for the recovery
 *   to mark `outcome_unknown` — never sent again automatically.
 * - `outcome_unknown`: a user must check (and may resend by hand).
 * - `submitted`: the provider accepted it (`providerMessageId` set); `deliveryStatus` follows.
 * - `refused`: not sent, `errorCode`/`errorMessage` say why (opted out since queued, window…).
 * - `failed`: the provider refused it or retries were exhausted; `errorCode`/`errorMessage`.
 * - `canceled`: a user canceled it while pending.
 * - `received`: inbound.
 * Email follows the same states; its SMTP delivery is the email module's `emails` row.
 */
export const MESSAGE_STATES = [
  'pending',
  'dispatching',
  'outcome_unknown',
  'submitted',
  'refused',
  'failed',
  'canceled',
  'received',
] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export const RECORD_KINDS = ['sales_record', 'individual', 'agent'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const MESSAGING_PROVIDERS = ['simulator', 'twilio'] as const;
export type MessagingProvider = (typeof MESSAGING_PROVIDERS)[number];

/** The account's phone numbers (seed 003: texting needs one). A number belongs to one account. */
export const phoneNumbers = pgTable(
  'phone_numbers',
  {
    ...tenantColumns(),
    /** E.164. */
    number: text('number').notNull(),
    label: text('label').notNull(),
    provider: text('provider').$type<MessagingProvider>().notNull(),
    /** The provider's id of the number (Twilio `PN…`), when it has one. */
    providerSid: text('provider_sid'),
    createdAt: createdAt(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    // An inbound text names only the number it was sent to: that finds the account.
    uniqueIndex('phone_numbers_number_uq')
      .on(t.number)
      .where(sql`deleted_at is null`),
  ],
);

/** Each user's default sending number (Settings). */
export const userPhoneNumbers = pgTable(
  'user_phone_numbers',
  {
    accountId: uuid('account_id').notNull(),
    userId: uuid('user_id').notNull(),
    phoneNumberId: uuid('phone_number_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.userId] }),
    foreignKey({
      columns: [t.accountId, t.phoneNumberId],
      foreignColumns: [phoneNumbers.accountId, phoneNumbers.id],
    }).onDelete('cascade'),
  ],
);

/** The account's messaging settings; a missing row means the defaults. */
export const messagingSettings = pgTable(
  'messaging_settings',
  {
    accountId: uuid('account_id').primaryKey(),
    /** Answer to HELP/INFO. */
    helpText: text('help_text'),
    /** The single confirmation sent after an opt-out (no marketing). */
    optOutConfirmation: text('opt_out_confirmation'),
    /** Sender's texting window, local to the sending user's zone (seed 001: 08:00–19:00). */
    senderWindowStart: text('sender_window_start').notNull().default('08:00'),
    senderWindowEnd: text('sender_window_end').notNull().default('19:00'),
    /** Carrier pacing: messages per second per number, and the 10DLC brand's daily cap. */
    perNumberPerSecond: integer('per_number_per_second').notNull().default(1),
    brandDailyCap: integer('brand_daily_cap').notNull().default(2000),
    updatedAt: ts('updated_at'),
  },
  (t) => [foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade')],
);

/** Message templates with merge fields (`{{firstName}}`), per channel. */
export const messageTemplates = pgTable(
  'message_templates',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    channel: text('channel').$type<MessageChannel>().notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    uniqueIndex('message_templates_name_uq').on(t.accountId, t.channel, t.name),
  ],
);

/** Every text and email, both directions. */
export const messages = pgTable(
  'messages',
  {
    ...tenantColumns(),
    channel: text('channel').$type<MessageChannel>().notNull(),
    direction: text('direction').$type<MessageDirection>().notNull(),
    origin: text('origin').$type<MessageOrigin>(),
    status: text('status').$type<MessageState>().notNull(),
    /** The provider's delivery state (rules/delivery-status.ts), furthest seen; null before any. */
    deliveryStatus: text('delivery_status').$type<DeliveryStatus>(),
    /** E.164 for texts, an address for email. */
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /** The account number a text went out from or came in to. */
    phoneNumberId: uuid('phone_number_id'),
    /** The sending user (outbound) or null. */
    userId: uuid('user_id'),
    /** The email row that carries an outbound email (email module). */
    emailId: uuid('email_id'),
    /** File ids attached to an email (files module). */
    attachmentFileIds: jsonb('attachment_file_ids').$type<string[]>().notNull().default([]),
    provider: text('provider').$type<MessagingProvider>(),
    /** The provider's id (Twilio `SM…`): status callbacks and inbound replays find the message by it. */
    providerMessageId: text('provider_message_id'),
    segments: integer('segments'),
    encoding: text('encoding').$type<'GSM-7' | 'UCS-2'>(),
    /** When a pending message may go (window opening, pacing, retry backoff). */
    sendAfter: ts('send_after'),
    attempts: integer('attempts').notNull().default(0),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
    statusAt: ts('status_at'),
    /** Inbound: read by someone of the account. */
    readAt: ts('read_at'),
    readByUserId: uuid('read_by_user_id'),
    /**
     * Inbound text that reads like a revocation of consent without being a keyword (FCC 2025):
     * `flagged` until a user confirms (an opt-out is recorded) or dismisses it.
     */
    revocation: text('revocation').$type<'flagged' | 'confirmed' | 'dismissed'>(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    index('messages_created_idx').on(t.accountId, t.createdAt),
    uniqueIndex('messages_provider_id_uq')
      .on(t.provider, t.providerMessageId)
      .where(sql`provider_message_id is not null`),
    index('messages_due_idx')
      .on(t.sendAfter)
      .where(sql`status = 'pending'`),
    index('messages_unread_idx')
      .on(t.accountId, t.createdAt)
      .where(sql`direction = 'inbound' and read_at is null`),
  ],
);

/**
 * The records a message belongs to: one for an outbound message, every match for an inbound text
 * (several records may share a phone), none for an unknown sender (the inbox shows it).
 */
export const messageRecords = pgTable(
  'message_records',
  {
    accountId: uuid('account_id').notNull(),
    messageId: uuid('message_id').notNull(),
    recordType: text('record_type').$type<RecordKind>().notNull(),
    recordId: uuid('record_id').notNull(),
    /** The message's `created_at`, copied so a record's timeline is one index scan. */
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.messageId, t.recordType, t.recordId] }),
    foreignKey({
      columns: [t.accountId, t.messageId],
      foreignColumns: [messages.accountId, messages.id],
    }).onDelete('cascade'),
    index('message_records_record_idx').on(t.accountId, t.recordType, t.recordId, t.createdAt),
  ],
);

/** Every delivery state reported for a message, each applied once (unique per message and state). */
export const messageStatusEvents = pgTable(
  'message_status_events',
  {
    ...tenantColumns(),
    messageId: uuid('message_id').notNull(),
    status: text('status').notNull(),
    errorCode: text('error_code'),
    /** When the provider said it happened, if it said; else when it arrived. */
    occurredAt: ts('occurred_at').notNull().defaultNow(),
    receivedAt: createdAt(),
    raw: jsonb('raw').$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({
      columns: [t.accountId, t.messageId],
      foreignColumns: [messages.accountId, messages.id],
    }).onDelete('cascade'),
    uniqueIndex('message_status_events_once_uq').on(t.accountId, t.messageId, t.status),
  ],
);

export const OPT_OUT_ACTIONS = [
  'opt_out',
  'opt_in',
  'revocation_flagged',
  'revocation_confirmed',
  'revocation_dismissed',
] as const;
export type OptOutAction = (typeof OPT_OUT_ACTIONS)[number];

/**
 * Consent, per account, beneficiary phone and account number: append-only, kept forever. The
 * current state for a (phone, account number) is the latest row whose action is `opt_out`,
 * `revocation_confirmed` (both: opted out) or `opt_in`; `accountNumber = '*'` (STOPALL, or a user
 * recording an opt-out by other means) covers every number of the account.
 */
export const optOutLedger = pgTable(
  'opt_out_ledger',
  {
    ...tenantColumns(),
    /** The beneficiary's phone, E.164. */
    phone: text('phone').notNull(),
    /** The account's number, E.164, or '*' for all of them. */
    accountNumber: text('account_number').notNull(),
    action: text('action').$type<OptOutAction>().notNull(),
    /** How: 'keyword' (STOP…), 'user' (recorded by a user), 'provider' (carrier error 21610). */
    source: text('source').$type<'keyword' | 'user' | 'provider' | 'message'>().notNull(),
    keyword: text('keyword'),
    messageId: uuid('message_id'),
    body: text('body'),
    userId: uuid('user_id'),
    at: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    index('opt_out_ledger_phone_idx').on(t.accountId, t.phone, t.at),
  ],
);
