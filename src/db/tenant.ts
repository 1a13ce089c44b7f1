import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { AccountScope } from '../modules/access/index.ts';

/**
 * The one way to filter a tenant table: the account condition comes from the actor, so no query
 * can forget it. Usage: `db.select().from(t).where(inAccount(actor, t, eq(t.id, id)))`.
 */
export function inAccount(
  scope: AccountScope,
  table: { accountId: PgColumn },
  ...conditions: (SQL | undefined)[]
): SQL {
  return and(eq(table.accountId, scope.accountId), ...conditions) as SQL;
}
