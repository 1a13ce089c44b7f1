import { sql } from 'drizzle-orm';
import {
  boolean,
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

export const MAX_RECORD_TYPES = 10;

/** How a Record Type's records are listed (columns and default sort). */
export type ListOptions = { columns: string[]; sort: string };

/** Account-defined Record Types (at most ten), each with its own ordered Statuses. */
export const recordTypes = pgTable(
  'record_types',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    listOptions: jsonb('list_options')
      .$type<ListOptions>()
      .notNull()
      .default({ columns: [], sort: '-createdAt' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    uniqueIndex('record_types_name_uq').on(t.accountId, sql`lower(${t.name})`),
  ],
);

export const recordStatuses = pgTable(
  'record_statuses',
  {
    ...tenantColumns(),
    recordTypeId: uuid('record_type_id').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    isClosedWon: boolean('is_closed_won').notNull().default(false),
    /** Closed (won or lost): not open work — no temperature, not on the dashboard. Won implies closed. */
    isClosed: boolean('is_closed').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({
      columns: [t.accountId, t.recordTypeId],
      foreignColumns: [recordTypes.accountId, recordTypes.id],
    }).onDelete('cascade'),
    uniqueIndex('record_statuses_name_uq').on(t.accountId, t.recordTypeId, sql`lower(${t.name})`),
    index('record_statuses_type_idx').on(t.accountId, t.recordTypeId, t.sortOrder),
    // What a Sales Record's (type, status) key points at.
    uniqueIndex('record_statuses_type_id_uq').on(t.accountId, t.recordTypeId, t.id),
  ],
);
