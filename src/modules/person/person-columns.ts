import { date, jsonb, text } from 'drizzle-orm/pg-core';

/** The person a Sales Record or an Individual is about: the same columns in both tables. */

export const GENDERS = ['female', 'male', 'nonbinary', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

/** The person's columns, the same in `sales_records` and `individuals`. */
export const personColumns = () => ({
  firstName: text('first_name').notNull(),
  middleName: text('middle_name'),
  lastName: text('last_name').notNull(),
  dateOfBirth: date('date_of_birth', { mode: 'string' }),
  gender: text('gender').$type<Gender>(),
  email: text('email'),
  phone: text('phone'),
  cellPhone: text('cell_phone'),
  street: text('street'),
  city: text('city'),
  state: text('state'),
  zip: text('zip'),
  county: text('county'),
  medicareNumber: text('medicare_number'),
  partADate: date('part_a_date', { mode: 'string' }),
  partBDate: date('part_b_date', { mode: 'string' }),
  customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
});
