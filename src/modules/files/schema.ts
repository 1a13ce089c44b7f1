import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from '../../db/columns.ts';
import { individuals } from '../individuals/schema.ts';
import { salesRecords } from '../sales-records/schema.ts';

/**
 * Files and links attached to a Sales Record (and carried to the Individual on conversion).
 * Uploads are stored by content hash under the storage key; links keep only their URL.
 */
export const recordFiles = pgTable(
  'record_files',
  {
    ...tenantColumns(),
    salesRecordId: uuid('sales_record_id'),
    individualId: uuid('individual_id'),
    kind: text('kind').$type<'upload' | 'url'>().notNull(),
    name: text('name').notNull(),
    url: text('url'),
    storageKey: text('storage_key'),
    contentType: text('content_type'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    sha256: text('sha256'),
    uploadedByUserId: uuid('uploaded_by_user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({
      columns: [t.accountId, t.salesRecordId],
      foreignColumns: [salesRecords.accountId, salesRecords.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.accountId, t.individualId],
      foreignColumns: [individuals.accountId, individuals.id],
    }).onDelete('cascade'),
    check('record_files_owner_ck', sql`${t.salesRecordId} is not null or ${t.individualId} is not null`),
    check(
      'record_files_kind_ck',
      sql`(${t.kind} = 'url' and ${t.url} is not null) or (${t.kind} = 'upload' and ${t.storageKey} is not null)`,
    ),
    index('record_files_sales_record_idx').on(t.accountId, t.salesRecordId),
    index('record_files_individual_idx').on(t.accountId, t.individualId),
  ],
);
