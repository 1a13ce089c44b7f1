import type { TemperaturePeriods } from './temperature-periods.ts';
import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ts } from '../../db/columns.ts';

import { PACKAGES, type Package } from '../access/index.ts';

export { PACKAGES };
export type { Package };

export type AccountSettings = {
  /** The Record Type new Sales Records get when none is chosen (scheduler bookings, lead posts). */
  defaultRecordTypeId?: string;
  /** Labels of the four renameable user custom fields. */
  customFieldLabels?: [string, string, string, string];
  /** How long leads stay hot, warm and cool (then cold). */
  temperaturePeriods?: TemperaturePeriods;
  leadIntake?: LeadIntakeSettings;
};

export type LeadIntakeSettings = {
  target: 'sales_record' | 'individual';
  duplicates: 'skip' | 'update';
  recordTypeId: string | null;
};
export const DEFAULT_LEAD_INTAKE: LeadIntakeSettings = {
  target: 'sales_record',
  duplicates: 'skip',
  recordTypeId: null,
};

export const DEFAULT_CUSTOM_FIELD_LABELS: [string, string, string, string] = [
  'Custom field 1',
  'Custom field 2',
  'Custom field 3',
  'Custom field 4',
];

/** An agency (tenant). Its own `id` is the `account_id` of every row it owns. */
export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  package: text('package').$type<Package>().notNull(),
  timeZone: text('time_zone').notNull().default('America/New_York'),
  settings: jsonb('settings').$type<AccountSettings>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
