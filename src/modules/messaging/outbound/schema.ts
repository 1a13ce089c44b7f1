import { foreignKey, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
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
