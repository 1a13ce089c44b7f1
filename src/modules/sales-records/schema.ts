import { sql } from 'drizzle-orm';
import { date, foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, ts } from '../../db/columns.ts';
import { agents } from '../agents/schema.ts';
import { individuals } from '../individuals/schema.ts';
import { recordStatuses } from '../record-types/schema.ts';
import { users } from '../users/schema.ts';
import { personColumns } from '../person/index.ts';

import { GENDERS } from '../person/index.ts';
export { GENDERS };
export const TEMPERATURES = ['hot', 'warm', 'cool', 'cold'] as const;
export type Temperature = (typeof TEMPERATURES)[number];

/** A lead or prospect being worked toward a sale (PRODUCT.md, "Sales Records"). */
export const salesRecords = pgTable(
  'sales_records',
  {
    ...tenantColumns(),
    recordTypeId: uuid('record_type_id').notNull(),
    statusId: uuid('status_id').notNull(),
    ...personColumns(),
    coverageType: text('coverage_type'),
    carrier: text('carrier'),
    product: text('product'),
    assignedUserId: uuid('assigned_user_id'),
    assignedAgentId: uuid('assigned_agent_id'),
    leadSource: text('lead_source'),
    leadDate: date('lead_date', { mode: 'string' }),
    manualTemperature: text('manual_temperature').$type<Temperature>(),
    /** The Individual this record was created for, or converted into. */
    individualId: uuid('individual_id'),
    /** The CSV import that created it (for rollback). */
    importId: uuid('import_id'),
    /** Set when converted: the record stays, read-only, as the compliance trail. */
    convertedAt: ts('converted_at'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
    deletedByUserId: uuid('deleted_by_user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    // One key for type and status (decision 016): the status must be one of the record's type, and
    // through the status the type and the account exist — one check per written row, not three.
    foreignKey({
      name: 'sales_records_type_status_fk',
      columns: [t.accountId, t.recordTypeId, t.statusId],
      foreignColumns: [recordStatuses.accountId, recordStatuses.recordTypeId, recordStatuses.id],
    }),
    foreignKey({ columns: [t.accountId, t.assignedUserId], foreignColumns: [users.accountId, users.id] }),
    foreignKey({ columns: [t.accountId, t.assignedAgentId], foreignColumns: [agents.accountId, agents.id] }),
    foreignKey({
      columns: [t.accountId, t.individualId],
      foreignColumns: [individuals.accountId, individuals.id],
    }),
    // The lead list: newest first within an account, optionally by type.
    index('sales_records_created_idx')
      .on(t.accountId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`deleted_at is null`),
    index('sales_records_type_idx')
      .on(t.accountId, t.recordTypeId, t.createdAt.desc().nullsFirst())
      .where(sql`deleted_at is null`),
    index('sales_records_import_idx')
      .on(t.accountId, t.importId)
      .where(sql`import_id is not null`),
    index('sales_records_assigned_user_idx').on(t.accountId, t.assignedUserId),
    index('sales_records_assigned_agent_idx').on(t.accountId, t.assignedAgentId),
    // A client's Sales Records (created for or converted into the Individual).
    index('sales_records_individual_idx')
      .on(t.accountId, t.individualId)
      .where(sql`${t.individualId} is not null`),
    // Search: exact phone (E.164), email prefix. The name-prefix indexes cover the list's scope and
    // order columns (INCLUDE, which drizzle cannot declare): migration 0023_covering_name_indexes.
    // Lead matching on name + date of birth (intake): one probe finds the person, not every
    // record born that day; still serves date-of-birth lookups.
    index('sales_records_dob_name_idx')
      .on(t.accountId, t.dateOfBirth, sql`lower(${t.lastName})`, sql`lower(${t.firstName})`)
      .where(sql`date_of_birth is not null`),
    index('sales_records_phone_idx').on(t.accountId, t.phone),
    // Only records with a cell phone (most leads have none); every lookup is by equality.
    index('sales_records_cell_idx')
      .on(t.accountId, t.cellPhone)
      .where(sql`cell_phone is not null`),
    // The last digits of a phone (`q=3344`): a prefix of the reversed number.
    index('sales_records_phone_reversed_idx').on(t.accountId, sql`reverse(${t.phone}) text_pattern_ops`),
    index('sales_records_cell_reversed_idx')
      .on(t.accountId, sql`reverse(${t.cellPhone}) text_pattern_ops`)
      .where(sql`cell_phone is not null`),
    index('sales_records_deleted_idx')
      .on(t.accountId, t.deletedAt)
      .where(sql`deleted_at is not null`),
    index('sales_records_email_idx').on(t.accountId, sql`lower(${t.email}) text_pattern_ops`),
  ],
);

/** Time-stamped notes with their author. */
export const salesRecordNotes = pgTable(
  'sales_record_notes',
  {
    ...tenantColumns(),
    salesRecordId: uuid('sales_record_id').notNull(),
    body: text('body').notNull(),
    authorUserId: uuid('author_user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({
      columns: [t.accountId, t.salesRecordId],
      foreignColumns: [salesRecords.accountId, salesRecords.id],
    }).onDelete('cascade'),
    index('sales_record_notes_record_idx').on(t.accountId, t.salesRecordId, t.createdAt),
  ],
);

/** A user's saved lead-list views: a name and the list query (filters, search, sort). */
export const savedViews = pgTable(
  'saved_views',
  {
    ...tenantColumns(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.userId], foreignColumns: [users.accountId, users.id] }).onDelete(
      'cascade',
    ),
    index('saved_views_user_idx').on(t.accountId, t.userId),
  ],
);
