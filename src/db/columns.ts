import { sql } from 'drizzle-orm';
import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column builders: every tenant table starts with `accountId` and a UUIDv7 `id`. */
export const tenantColumns = () => ({
  accountId: uuid('account_id').notNull(),
  id: uuid('id').notNull(),
});

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .default(sql`now()`);

export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
