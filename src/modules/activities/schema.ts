import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
import { agents } from '../agents/schema.ts';
import { individuals } from '../individuals/schema.ts';
import { salesRecords } from '../sales-records/schema.ts';
import { teams } from '../teams/schema.ts';
import { users } from '../users/schema.ts';

/** The only Activity Type category: activities of such a type block their owner's calendar. */
export const ACTIVITY_CATEGORIES = ['appointment'] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

/** Account-defined kinds of activity (Call, Task, Appointment…). */
export const activityTypes = pgTable(
  'activity_types',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    /** 'appointment' puts the type in the Appointment category (task activity_types.manage). */
    category: text('category').$type<ActivityCategory>(),
    color: text('color'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    uniqueIndex('activity_types_name_uq').on(t.accountId, sql`lower(${t.name})`),
  ],
);

/** Account-defined Activity Statuses (Scheduled, Completed…); `isClosed` ones count as done. */
export const activityStatuses = pgTable(
  'activity_statuses',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    isClosed: boolean('is_closed').notNull().default(false),
    /**
     * The activity did not (will not) happen — "Cancelled". Implies `isClosed`. An appointment in
     * such a status frees its owner's time; every other status, closed or not, keeps it blocked.
     */
    isCancelled: boolean('is_cancelled').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    /** A deactivated status stays on the activities that have it but is not offered for new ones. */
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    uniqueIndex('activity_statuses_name_uq').on(t.accountId, sql`lower(${t.name})`),
    check('activity_statuses_cancelled_is_closed', sql`not ${t.isCancelled} or ${t.isClosed}`),
  ],
);

export const ACTIVITY_SOURCES = ['manual', 'booking', 'workflow'] as const;
export type ActivitySource = (typeof ACTIVITY_SOURCES)[number];

/**
 * A call, task or appointment. Owned by a user or a Team (exactly one); timed (startsAt/endsAt) or
 * due (dueAt); belonging to at most one record (Sales Record, Individual or Agent).
 */
export const activities = pgTable(
  'activities',
  {
    ...tenantColumns(),
    activityTypeId: uuid('activity_type_id').notNull(),
    statusId: uuid('status_id').notNull(),
    subject: text('subject').notNull(),
    ownerUserId: uuid('owner_user_id'),
    ownerTeamId: uuid('owner_team_id'),
    startsAt: ts('starts_at'),
    endsAt: ts('ends_at'),
    dueAt: ts('due_at'),
    allDay: boolean('all_day').notNull().default(false),
    salesRecordId: uuid('sales_record_id'),
    individualId: uuid('individual_id'),
    agentId: uuid('agent_id'),
    notes: text('notes').notNull().default(''),
    /** Answers of a booking form, or other structured details, shown with the activity. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    completedAt: ts('completed_at'),
    completedByUserId: uuid('completed_by_user_id'),
    source: text('source').$type<ActivitySource>().notNull().default('manual'),
    /** The Appointment Schedule a booking came through (no FK: schedules live in their own module). */
    scheduleId: uuid('schedule_id'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.accountId, t.activityTypeId],
      foreignColumns: [activityTypes.accountId, activityTypes.id],
    }),
    foreignKey({
      columns: [t.accountId, t.statusId],
      foreignColumns: [activityStatuses.accountId, activityStatuses.id],
    }),
    foreignKey({ columns: [t.accountId, t.ownerUserId], foreignColumns: [users.accountId, users.id] }),
    foreignKey({ columns: [t.accountId, t.ownerTeamId], foreignColumns: [teams.accountId, teams.id] }),
    foreignKey({
      columns: [t.accountId, t.salesRecordId],
      foreignColumns: [salesRecords.accountId, salesRecords.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.accountId, t.individualId],
      foreignColumns: [individuals.accountId, individuals.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.accountId, t.agentId], foreignColumns: [agents.accountId, agents.id] }).onDelete(
      'cascade',
    ),
    check('activities_one_owner', sql`num_nonnulls(${t.ownerUserId}, ${t.ownerTeamId}) = 1`),
    check(
      'activities_one_record',
      sql`num_nonnulls(${t.salesRecordId}, ${t.individualId}, ${t.agentId}) <= 1`,
    ),
    check(
      'activities_ends_after_start',
      sql`${t.endsAt} is null or ${t.startsAt} is not null and ${t.endsAt} >= ${t.startsAt}`,
    ),
    index('activities_owner_user_start_idx').on(t.accountId, t.ownerUserId, t.startsAt),
    index('activities_owner_team_start_idx').on(t.accountId, t.ownerTeamId, t.startsAt),
    index('activities_owner_user_due_idx').on(t.accountId, t.ownerUserId, t.dueAt),
    // The calendar's range queries (every visible owner at once): see list-activities.ts inRange.
    index('activities_start_idx').on(t.accountId, t.startsAt),
    index('activities_due_idx').on(t.accountId, t.dueAt),
    index('activities_sales_record_idx').on(t.accountId, t.salesRecordId),
    index('activities_individual_idx').on(t.accountId, t.individualId),
    index('activities_agent_idx').on(t.accountId, t.agentId),
  ],
);

/** A user's private calendar (ICS) feed: the URL carries a token, only its SHA-256 is stored. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    ...tenantColumns(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.userId], foreignColumns: [users.accountId, users.id] }).onDelete(
      'cascade',
    ),
    uniqueIndex('calendar_feeds_token_uq').on(t.accountId, t.tokenHash),
    index('calendar_feeds_user_idx').on(t.accountId, t.userId),
  ],
);
