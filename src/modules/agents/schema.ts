import { boolean, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, ts } from '../../db/columns.ts';
import { accounts } from '../accounts/schema.ts';
import { users } from '../users/schema.ts';

/** Agent Records: the producing agents users are linked to and records are assigned to. */
export const agents = pgTable(
  'agents',
  {
    ...tenantColumns(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    npn: text('npn'),
    email: text('email'),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    index('agents_name_idx').on(t.accountId, t.lastName, t.firstName),
  ],
);

export const AGENT_LINK_KINDS = ['linked', 'accessible'] as const;
export type AgentLinkKind = (typeof AGENT_LINK_KINDS)[number];

/** A user's Linked Agents and Accessible Agents. */
export const userAgentLinks = pgTable(
  'user_agent_links',
  {
    accountId: uuid('account_id').notNull(),
    userId: uuid('user_id').notNull(),
    agentId: uuid('agent_id').notNull(),
    kind: text('kind').$type<AgentLinkKind>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.userId, t.kind, t.agentId] }),
    foreignKey({ columns: [t.accountId, t.userId], foreignColumns: [users.accountId, users.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.accountId, t.agentId], foreignColumns: [agents.accountId, agents.id] }).onDelete(
      'cascade',
    ),
    index('user_agent_links_agent_idx').on(t.accountId, t.agentId),
  ],
);
