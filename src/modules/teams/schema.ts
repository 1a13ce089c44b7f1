import { sql } from 'drizzle-orm';
import { foreignKey, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from '../../db/columns.ts';
import { accounts } from '../accounts/schema.ts';
import { users } from '../users/schema.ts';

export const teams = pgTable(
  'teams',
  { ...tenantColumns(), name: text('name').notNull(), createdAt: createdAt() },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    uniqueIndex('teams_name_uq').on(t.accountId, sql`lower(${t.name})`),
  ],
);

export const teamMembers = pgTable(
  'team_members',
  {
    accountId: uuid('account_id').notNull(),
    teamId: uuid('team_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.teamId, t.userId] }),
    foreignKey({ columns: [t.accountId, t.teamId], foreignColumns: [teams.accountId, teams.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.accountId, t.userId], foreignColumns: [users.accountId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);
