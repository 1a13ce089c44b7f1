// What other modules may read of the account row (docs/ARCHITECTURE.md, "rooms with doors"). The
// accounts table is the tenant root: its own id is the account filter.
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { AccountScope } from '../access/index.ts';
import { accounts, type Package } from './schema.ts';

/** Name, package and time zone of the account (undefined when it does not exist). */
export async function accountBasics(
  db: DbOrTx,
  scope: AccountScope,
): Promise<{ name: string; package: Package; timeZone: string } | undefined> {
  const [row] = await db
    .select({ name: accounts.name, package: accounts.package, timeZone: accounts.timeZone })
    .from(accounts)
    .where(eq(accounts.id, scope.accountId));
  return row;
}

/** The packages of the given accounts, by id, in one query (e.g. a job working across accounts). */
export async function accountPackages(db: DbOrTx, ids: Iterable<string>): Promise<Map<string, Package>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: accounts.id, package: accounts.package })
    .from(accounts)
    .where(inArray(accounts.id, unique));
  return new Map(rows.map((r) => [r.id, r.package]));
}

/**
 * Lock the account's row until the calling transaction ends: serialises per-account work that
 * counts before it writes (the last user manager, at most ten record types; decision 020).
 */
export async function lockAccount(tx: DbOrTx, scope: AccountScope): Promise<void> {
  await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, scope.accountId)).for('update');
}
