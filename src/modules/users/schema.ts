import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, ts } from '../../db/columns.ts';
import { accounts } from '../accounts/schema.ts';
import { DEFAULT_SALES_PERMISSIONS, type SalesPermissions } from '../access/index.ts';
import type { GroupPermissions } from './permissions.ts';

/** A typed signature (text in a script font) or a drawn one (a PNG data URL). */
export type Signature = { kind: 'typed'; text: string } | { kind: 'drawn'; dataUrl: string };

export const securityGroups = pgTable(
  'security_groups',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    permissions: jsonb('permissions').$type<GroupPermissions>().notNull(),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    uniqueIndex('security_groups_name_uq').on(t.accountId, sql`lower(${t.name})`),
  ],
);

import { USER_TYPES, type UserType } from '../access/index.ts';

export { USER_TYPES };
export type { UserType };

export const users = pgTable(
  'users',
  {
    ...tenantColumns(),
    email: text('email').notNull(),
    username: text('username').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    timeZone: text('time_zone').notNull().default('America/New_York'),
    userType: text('user_type').$type<UserType>().notNull().default('agency_user'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    securityGroupId: uuid('security_group_id').notNull(),
    suspendedAt: ts('suspended_at'),
    salesPermissions: jsonb('sales_permissions')
      .$type<SalesPermissions>()
      .notNull()
      .default(DEFAULT_SALES_PERMISSIONS),
    /** The four renameable custom fields (labels are account settings). */
    customFields: jsonb('custom_fields')
      .$type<[string, string, string, string]>()
      .notNull()
      .default(['', '', '', '']),
    viewOtherUsersActivities: boolean('view_other_users_activities').notNull().default(false),
    phone: text('phone'),
    npn: text('npn'),
    signature: jsonb('signature').$type<Signature | null>(),
    passwordChangedAt: ts('password_changed_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.accountId, t.securityGroupId],
      foreignColumns: [securityGroups.accountId, securityGroups.id],
    }),
    // Deleted users keep their row (history stays attributed) but free their names.
    uniqueIndex('users_email_uq')
      .on(t.accountId, sql`lower(${t.email})`)
      .where(sql`deleted_at is null`),
    uniqueIndex('users_username_uq')
      .on(t.accountId, sql`lower(${t.username})`)
      .where(sql`deleted_at is null`),
    index('users_group_idx').on(t.accountId, t.securityGroupId),
  ],
);

/**
 * Global lookup from a login name (lower-cased username or email) to its user. The login form has
 * no account field, so this is the one table not keyed by account: a reference table under Citus.
 */
export const loginNames = pgTable(
  'login_names',
  {
    login: text('login').primaryKey(),
    accountId: uuid('account_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.accountId, t.userId], foreignColumns: [users.accountId, users.id] }).onDelete(
      'cascade',
    ),
    index('login_names_user_idx').on(t.accountId, t.userId),
  ],
);

/** One or more sales rep IDs per user; one is the default. */
export const userSalesRepIds = pgTable(
  'user_sales_rep_ids',
  {
    ...tenantColumns(),
    userId: uuid('user_id').notNull(),
    value: text('value').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.userId], foreignColumns: [users.accountId, users.id] }).onDelete(
      'cascade',
    ),
    uniqueIndex('user_sales_rep_ids_value_uq').on(t.accountId, t.userId, t.value),
  ],
);

/** Users whose Activities a user may see ("View Other Users' Activities"). */
export const userActivityVisibility = pgTable(
  'user_activity_visibility',
  {
    accountId: uuid('account_id').notNull(),
    userId: uuid('user_id').notNull(),
    visibleUserId: uuid('visible_user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.userId, t.visibleUserId] }),
    foreignKey({ columns: [t.accountId, t.userId], foreignColumns: [users.accountId, users.id] }).onDelete(
      'cascade',
    ),
    foreignKey({
      columns: [t.accountId, t.visibleUserId],
      foreignColumns: [users.accountId, users.id],
    }).onDelete('cascade'),
  ],
);
