import { date, foreignKey, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../accounts/schema.ts';
import { ts } from '../../../db/columns.ts';
import { phoneNumbers } from '../schema.ts';

/**
 * Carrier pacing per account number: the next free sending slot. A send takes the slot
 * `greatest(nextSlotAt, earliest)` and moves it on by 1/perNumberPerSecond, in its transaction, so
 * every queued text knows when it will go (`messages.send_after`) whatever the number of processes.
 */
export const outboundPace = pgTable(
  'outbound_pace',
  {
    accountId: uuid('account_id').notNull(),
    phoneNumberId: uuid('phone_number_id').notNull(),
    nextSlotAt: ts('next_slot_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.phoneNumberId] }),
    foreignKey({
      columns: [t.accountId, t.phoneNumberId],
      foreignColumns: [phoneNumbers.accountId, phoneNumbers.id],
    }).onDelete('cascade'),
  ],
);

/**
 * Texts handed to the provider per account and UTC day, for the 10DLC brand's daily cap: counted
 * in the engine's claim transaction (one row per account and day, locked with the claim).
 */
export const outboundDaily = pgTable(
  'outbound_daily',
  {
    accountId: uuid('account_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    dispatched: integer('dispatched').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.day] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
  ],
);
