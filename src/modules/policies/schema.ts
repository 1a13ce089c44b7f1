import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, ts } from '../../db/columns.ts';
import type { RenewalCycle } from './renewal.ts';
import { individuals } from '../individuals/schema.ts';
import { salesRecords } from '../sales-records/schema.ts';

export const POLICY_STATUSES = ['quoted', 'pending', 'active', 'declined', 'cancelled'] as const;

/**
 * Policies: quoted on a Sales Record, and moved to the Individual on conversion (the Sales Record
 * link stays, as the policy's origin).
 */
export const policies = pgTable(
  'policies',
  {
    ...tenantColumns(),
    salesRecordId: uuid('sales_record_id'),
    individualId: uuid('individual_id'),
    carrier: text('carrier').notNull(),
    product: text('product').notNull(),
    coverageType: text('coverage_type'),
    premium: numeric('premium', { precision: 12, scale: 2, mode: 'string' }),
    effectiveDate: date('effective_date', { mode: 'string' }),
    /** How the policy renews (see renewal.ts); null: no renewal tracked. */
    renewalCycle: text('renewal_cycle').$type<RenewalCycle>(),
    status: text('status').$type<(typeof POLICY_STATUSES)[number]>().notNull().default('quoted'),
    customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
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
    check('policies_owner_ck', sql`${t.salesRecordId} is not null or ${t.individualId} is not null`),
    check(
      'policies_renewal_cycle_ck',
      sql`${t.renewalCycle} in ('monthly', 'quarterly', 'semiannual', 'annual', 'calendar_year')`,
    ),
    index('policies_sales_record_idx').on(t.accountId, t.salesRecordId),
    index('policies_individual_idx').on(t.accountId, t.individualId),
  ],
);
