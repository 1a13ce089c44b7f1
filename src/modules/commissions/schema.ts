import { sql } from 'drizzle-orm';
import { check, foreignKey, index, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, ts } from '../../db/columns.ts';
import { policies } from '../policies/schema.ts';

/** First-year commission (the policy's first year) or renewal commission (each later year). */
export const COMMISSION_KINDS = ['first_year', 'renewal'] as const;
/** A percentage of the annual premium, or a flat amount a year. */
export const COMMISSION_BASES = ['percent', 'flat'] as const;

/**
 * The commission an agency expects on a policy: who pays it (the carrier, or an FMO/IMO), for
 * which policy years, and how much — a percentage of the annual premium (12 × the monthly
 * premium) or a flat yearly amount. A policy may have several (e.g. carrier plus a bonus).
 */
export const policyCommissions = pgTable(
  'policy_commissions',
  {
    ...tenantColumns(),
    policyId: uuid('policy_id').notNull(),
    kind: text('kind').$type<(typeof COMMISSION_KINDS)[number]>().notNull(),
    basis: text('basis').$type<(typeof COMMISSION_BASES)[number]>().notNull(),
    ratePercent: numeric('rate_percent', { precision: 6, scale: 3, mode: 'string' }),
    amount: numeric('amount', { precision: 12, scale: 2, mode: 'string' }),
    payer: text('payer').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({
      columns: [t.accountId, t.policyId],
      foreignColumns: [policies.accountId, policies.id],
    }).onDelete('cascade'),
    check('policy_commissions_kind_ck', sql`${t.kind} in ('first_year', 'renewal')`),
    check(
      'policy_commissions_basis_ck',
      sql`(${t.basis} = 'percent' and ${t.ratePercent} is not null and ${t.amount} is null) or (${t.basis} = 'flat' and ${t.amount} is not null and ${t.ratePercent} is null)`,
    ),
    index('policy_commissions_policy_idx').on(t.accountId, t.policyId),
  ],
);
