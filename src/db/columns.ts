import { sql } from 'drizzle-orm';
import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column builders: every tenant table starts with `accountId` and a UUIDv7 `id`. */
export const tenantColumns = () => ({
  accountId: uuid('account_id').notNull(),
  id: uuid('id').notNull(),
});

/**
 * Times are kept to the millisecond, what a JavaScript Date holds: a time read, sent back (a list
 * cursor, a filter) and compared is then exactly the stored one. With PostgreSQL's microseconds, a
 * cursor of rows inserted in one transaction skipped the rest of the batch.
 */
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 })
    .notNull()
    .default(sql`now()`);

export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
