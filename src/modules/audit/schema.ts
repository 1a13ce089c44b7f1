import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, ts } from '../../db/columns.ts';
import { accounts } from '../accounts/schema.ts';

/** Append-only audit trail, written in the same transaction as the change it records. */
export const auditEvents = pgTable(
  'audit_events',
  {
    ...tenantColumns(),
    occurredAt: ts('occurred_at').notNull().defaultNow(),
    type: text('type').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorApiKeyId: uuid('actor_api_key_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /**
     * The Sales Record or Individual the subject belongs to, when the subject is something attached
     * to one (a policy, an activity): the record's history shows the event, even after the subject
     * itself is gone.
     */
    recordType: text('record_type').$type<'sales_record' | 'individual'>(),
    recordId: uuid('record_id'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    index('audit_subject_idx').on(t.accountId, t.subjectType, t.subjectId, t.occurredAt),
    index('audit_record_idx')
      .on(t.accountId, t.recordType, t.recordId, t.occurredAt)
      .where(sql`record_id is not null`),
  ],
);
