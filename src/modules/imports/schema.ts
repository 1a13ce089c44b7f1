import {
  bigint,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, ts } from '../../db/columns.ts';
import { accounts } from '../accounts/schema.ts';

export const IMPORT_STATUSES = [
  'uploaded',
  'queued',
  'running',
  'completed',
  'failed',
  'rolled_back',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Where each column goes: a lead field key, a note, or nowhere. */
export type ColumnMapping = { heading: string; target: string | 'note' | 'ignore' }[];
export type ImportOptions = {
  recordTypeId: string;
  statusId: string | null;
  assignedUserId: string | null;
  assignedAgentId: string | null;
  duplicates: 'skip' | 'update';
};

/** A CSV import: the stored file, its mapping and options, and its progress (committed per batch). */
export const imports = pgTable(
  'imports',
  {
    ...tenantColumns(),
    createdByUserId: uuid('created_by_user_id'),
    fileName: text('file_name').notNull(),
    storageKey: text('storage_key').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    encoding: text('encoding').notNull(),
    status: text('status').$type<ImportStatus>().notNull(),
    headings: jsonb('headings').$type<string[]>().notNull(),
    mapping: jsonb('mapping').$type<ColumnMapping>(),
    options: jsonb('options').$type<ImportOptions>(),
    totalRows: integer('total_rows').notNull(),
    /** Data rows handled so far, in file order: the resume point. */
    processedRows: integer('processed_rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    index('imports_created_idx').on(t.accountId, t.createdAt),
  ],
);

/**
 * One line per rejected cell or row: the downloadable error report. `row` numbers the file's rows
 * as a spreadsheet does (the headings are row 1, the first data row is row 2), as the preview does.
 */
export const importErrors = pgTable(
  'import_errors',
  {
    accountId: uuid('account_id').notNull(),
    importId: uuid('import_id').notNull(),
    row: integer('row').notNull(),
    column: text('column').notNull(),
    reason: text('reason').notNull(),
    /** The row's cells as uploaded (every column of the file), for the report. */
    cells: jsonb('cells').$type<string[]>(),
  },
  (t) => [
    foreignKey({
      columns: [t.accountId, t.importId],
      foreignColumns: [imports.accountId, imports.id],
    }).onDelete('cascade'),
    index('import_errors_idx').on(t.accountId, t.importId, t.row),
  ],
);
