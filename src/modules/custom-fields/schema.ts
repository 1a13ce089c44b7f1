import {
  boolean,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from '../../db/columns.ts';
import { accounts } from '../accounts/schema.ts';

export const CUSTOM_FIELD_ENTITIES = ['sales_record', 'individual', 'policy'] as const;
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'boolean', 'picklist'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** Account-defined fields on Sales Records, Individuals and Policies; values live in `custom_fields` jsonb. */
export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    ...tenantColumns(),
    entity: text('entity').$type<(typeof CUSTOM_FIELD_ENTITIES)[number]>().notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type').$type<CustomFieldType>().notNull(),
    options: jsonb('options').$type<string[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    uniqueIndex('custom_field_key_uq').on(t.accountId, t.entity, t.key),
  ],
);
