import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from '../../db/columns.ts';
import { accounts } from '../accounts/schema.ts';

/** Every lead post, with its outcome, so a vendor integration can be debugged. */
export const leadPosts = pgTable(
  'lead_posts',
  {
    ...tenantColumns(),
    receivedAt: createdAt(),
    apiKeyId: uuid('api_key_id'),
    contentType: text('content_type'),
    outcome: text('outcome').$type<'created' | 'duplicate' | 'updated' | 'invalid' | 'refused'>().notNull(),
    httpStatus: integer('http_status').notNull(),
    recordKind: text('record_kind'),
    recordId: uuid('record_id'),
    matchedOn: text('matched_on'),
    idempotencyKey: text('idempotency_key'),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    errors: jsonb('errors').$type<{ path: string; message: string }[]>().notNull().default([]),
    ip: text('ip'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    index('lead_posts_received_idx').on(t.accountId, t.receivedAt),
  ],
);

/** Answers to writes sent with an Idempotency-Key, replayed for a retry with the same key. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    accountId: uuid('account_id').notNull(),
    key: text('key').notNull(),
    scope: text('scope').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').$type<unknown>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.scope, t.key] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
  ],
);
