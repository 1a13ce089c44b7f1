import { foreignKey, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../accounts/schema.ts';

/**
 * The simulator's fake phones that a tester flagged to fail: their next `failNext` deliveries end
 * `undelivered` (the beneficiary-phone page writes it through sms-in's
 * `POST /simulator/phones/{phone}/fail-next`, which calls `setSimulatorFailNext`).
 */
export const simulatorPhones = pgTable(
  'simulator_phones',
  {
    accountId: uuid('account_id').notNull(),
    /** The fake beneficiary phone, E.164. */
    phone: text('phone').notNull(),
    failNext: integer('fail_next').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.phone] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
  ],
);
