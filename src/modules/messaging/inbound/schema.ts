import { foreignKey, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../accounts/schema.ts';

/**
 * The simulator's fake beneficiary phones that a tester asked to fail: the next `failNext`
 * deliveries to that phone end `undelivered`/`failed` (sms-out's simulator provider consumes the
 * count). Written by `POST /simulator/phones/{phone}/fail-next`. Only the simulator uses it.
 * The same table as sms-out's `providers/schema.ts` (column for column): keep one at merge.
 */
export const simulatorPhones = pgTable(
  'simulator_phones',
  {
    accountId: uuid('account_id').notNull(),
    /** The fake phone, E.164. */
    phone: text('phone').notNull(),
    failNext: integer('fail_next').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.phone] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
  ],
);
