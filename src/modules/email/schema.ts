import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, ts } from '../../db/columns.ts';
import { accounts } from '../accounts/schema.ts';

/** `sending`: handed to the SMTP server, not yet confirmed (a crash then leaves it `failed`, never resent). */
export const EMAIL_STATUSES = ['queued', 'sending', 'sent', 'outbox', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** A small text attachment stored with the message (e.g. a calendar invitation, `text/calendar`). */
export type EmailAttachment = { filename: string; contentType: string; content: string };

/**
 * Every email the system sends. Without SMTP configured this table *is* the outbox: messages end
 * in status `outbox` and an admin reads them on the Outbox page.
 */
export const emails = pgTable(
  'emails',
  {
    ...tenantColumns(),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    /**
     * The person it is from (a user writing from a record): shown as the sender's name, with the
     * configured sending address (EMAIL_FROM's), and their own address as Reply-To.
     */
    fromName: text('from_name'),
    replyTo: text('reply_to'),
    attachments: jsonb('attachments').$type<EmailAttachment[]>().notNull().default([]),
    status: text('status').$type<EmailStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    index('emails_created_idx').on(t.accountId, t.createdAt),
  ],
);
