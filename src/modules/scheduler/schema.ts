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
import { activities, activityStatuses, activityTypes } from '../activities/schema.ts';
import { individuals } from '../individuals/schema.ts';
import { salesRecords } from '../sales-records/schema.ts';
import { users } from '../users/schema.ts';
import type { DateOverride, WeeklyHours } from './slots.ts';

export const QUESTION_TYPES = ['text', 'long_text', 'yes_no', 'choice'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
/** An extra question of a booking form (the fixed fields are first/last name, email, phone). */
export type FormQuestion = {
  id: string;
  label: string;
  type: QuestionType;
  required: boolean;
  /** The choices of a `choice` question. */
  options: string[];
};
export type BookingForm = { phoneRequired: boolean; questions: FormQuestion[] };

/**
 * An Appointment Schedule (PRODUCT.md "Appointment Scheduler", seed 004): account-level (no
 * owner, any ordered user list) or user-level (`ownerUserId`, whose list is that user and whose
 * hours are that user's own hours on every schedule they are on).
 */
export const appointmentSchedules = pgTable(
  'appointment_schedules',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    /** Also in `schedule_slugs`, which keeps it unique across the installation. */
    slug: text('slug').notNull(),
    ownerUserId: uuid('owner_user_id'),
    timeZone: text('time_zone').notNull(),
    lengthMinutes: integer('length_minutes').notNull(),
    weeklyHours: jsonb('weekly_hours').$type<WeeklyHours>().notNull(),
    dateOverrides: jsonb('date_overrides').$type<DateOverride[]>().notNull().default([]),
    daysOff: jsonb('days_off').$type<string[]>().notNull().default([]),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    minimumNoticeMinutes: integer('minimum_notice_minutes').notNull().default(0),
    horizonDays: integer('horizon_days').notNull(),
    activityTypeId: uuid('activity_type_id').notNull(),
    activityStatusId: uuid('activity_status_id').notNull(),
    form: jsonb('form').$type<BookingForm>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.accountId, t.ownerUserId], foreignColumns: [users.accountId, users.id] }),
    foreignKey({
      columns: [t.accountId, t.activityTypeId],
      foreignColumns: [activityTypes.accountId, activityTypes.id],
    }),
    foreignKey({
      columns: [t.accountId, t.activityStatusId],
      foreignColumns: [activityStatuses.accountId, activityStatuses.id],
    }),
    // One personal schedule per user: its hours are that user's own hours.
    uniqueIndex('appointment_schedules_owner_uq')
      .on(t.accountId, t.ownerUserId)
      .where(sql`owner_user_id is not null`),
  ],
);

/** The ordered user list of a schedule: bookings go to the first available user (static order). */
export const appointmentScheduleUsers = pgTable(
  'appointment_schedule_users',
  {
    accountId: uuid('account_id').notNull(),
    scheduleId: uuid('schedule_id').notNull(),
    userId: uuid('user_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.scheduleId, t.userId] }),
    foreignKey({
      columns: [t.accountId, t.scheduleId],
      foreignColumns: [appointmentSchedules.accountId, appointmentSchedules.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.accountId, t.userId], foreignColumns: [users.accountId, users.id] }).onDelete(
      'cascade',
    ),
    uniqueIndex('appointment_schedule_users_position_uq').on(t.accountId, t.scheduleId, t.position),
    index('appointment_schedule_users_user_idx').on(t.accountId, t.userId),
  ],
);

/**
 * Global lookup from a public slug to its schedule: the booking URL has no account in it, so like
 * `login_names` this is the one scheduler table not keyed by account (a reference table under Citus).
 */
export const scheduleSlugs = pgTable(
  'schedule_slugs',
  {
    slug: text('slug').primaryKey(),
    accountId: uuid('account_id').notNull(),
    scheduleId: uuid('schedule_id').notNull(),
  },
  (t) => [
    foreignKey({
      columns: [t.accountId, t.scheduleId],
      foreignColumns: [appointmentSchedules.accountId, appointmentSchedules.id],
    }).onDelete('cascade'),
    uniqueIndex('schedule_slugs_schedule_uq').on(t.accountId, t.scheduleId),
  ],
);

export const BOOKING_STATUSES = ['booked', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/**
 * A booking made through a public schedule page: the Activity it created and the hashed token of
 * the booker's manage link (cancel / reschedule). The token carries the account id, so the lookup
 * is `(account_id, token_hash)`.
 */
export const appointmentBookings = pgTable(
  'appointment_bookings',
  {
    ...tenantColumns(),
    scheduleId: uuid('schedule_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    /** The zone the booker chose on the page: times in their emails are shown in it. */
    timeZone: text('time_zone').notNull(),
    /** The invitation's SEQUENCE (RFC 5545): one more at each reschedule or cancellation. */
    sequence: integer('sequence').notNull().default(0),
    salesRecordId: uuid('sales_record_id'),
    individualId: uuid('individual_id'),
    /** How the record was found: email, phone, name — or null when the booking created it. */
    matchedOn: text('matched_on'),
    status: text('status').$type<BookingStatus>().notNull().default('booked'),
    cancelledAt: ts('cancelled_at'),
    rescheduledAt: ts('rescheduled_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({
      columns: [t.accountId, t.scheduleId],
      foreignColumns: [appointmentSchedules.accountId, appointmentSchedules.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.accountId, t.activityId],
      foreignColumns: [activities.accountId, activities.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.accountId, t.salesRecordId],
      foreignColumns: [salesRecords.accountId, salesRecords.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.accountId, t.individualId],
      foreignColumns: [individuals.accountId, individuals.id],
    }).onDelete('cascade'),
    uniqueIndex('appointment_bookings_token_uq').on(t.accountId, t.tokenHash),
    index('appointment_bookings_schedule_idx').on(t.accountId, t.scheduleId, t.createdAt),
    index('appointment_bookings_activity_idx').on(t.accountId, t.activityId),
  ],
);
