import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, ts } from '../../db/columns.ts';
import { accounts } from '../accounts/schema.ts';
import { agents } from '../agents/schema.ts';
import { personColumns } from '../person/index.ts';

/** Individual Records: clients being serviced, each with a Servicing Agent. */
export const individuals = pgTable(
  'individuals',
  {
    ...tenantColumns(),
    ...personColumns(),
    servicingAgentId: uuid('servicing_agent_id'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.accountId, t.servicingAgentId], foreignColumns: [agents.accountId, agents.id] }),
    index('individuals_created_idx').on(
      t.accountId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('individuals_agent_idx').on(t.accountId, t.servicingAgentId),
    index('individuals_last_name_idx').on(t.accountId, sql`lower(${t.lastName}) text_pattern_ops`),
    index('individuals_first_name_idx').on(t.accountId, sql`lower(${t.firstName}) text_pattern_ops`),
    index('individuals_phone_idx').on(t.accountId, t.phone),
    index('individuals_cell_idx').on(t.accountId, t.cellPhone),
    // The last digits of a phone (`q=3344`): a prefix of the reversed number.
    index('individuals_phone_reversed_idx').on(t.accountId, sql`reverse(${t.phone}) text_pattern_ops`),
    index('individuals_cell_reversed_idx').on(t.accountId, sql`reverse(${t.cellPhone}) text_pattern_ops`),
    index('individuals_email_idx').on(t.accountId, sql`lower(${t.email}) text_pattern_ops`),
  ],
);

export const individualNotes = pgTable(
  'individual_notes',
  {
    ...tenantColumns(),
    individualId: uuid('individual_id').notNull(),
    body: text('body').notNull(),
    authorUserId: uuid('author_user_id'),
    /** Set when the note came over from a converted Sales Record. */
    fromSalesRecordId: uuid('from_sales_record_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({
      columns: [t.accountId, t.individualId],
      foreignColumns: [individuals.accountId, individuals.id],
    }).onDelete('cascade'),
    index('individual_notes_idx').on(t.accountId, t.individualId, t.createdAt),
  ],
);
