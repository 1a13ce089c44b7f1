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
import type { GroupPermissions } from './permissions.ts';

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

export const USER_TYPES = ['agency_user', 'agent_crm_user'] as const;
export type UserType = (typeof USER_TYPES)[number];

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
    uniqueIndex('users_email_uq').on(t.accountId, sql`lower(${t.email})`),
    uniqueIndex('users_username_uq').on(t.accountId, sql`lower(${t.username})`),
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
