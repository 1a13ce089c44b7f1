// What other modules may read of users' rows (docs/ARCHITECTURE.md, "rooms with doors"): functions of
// one query each, and SQL fragments ("read models") for queries on hot paths that must stay one query.
import { eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import { notFound } from '../../lib/errors.ts';
import type { AccountScope } from '../access/index.ts';
import { users } from './schema.ts';

/** Throw 404 unless every id is a (not deleted) user of the account. */
export async function assertUsersExist(tx: DbOrTx, scope: AccountScope, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(inAccount(scope, users, inArray(users.id, unique), sql`${users.deletedAt} is null`));
  if (found.length !== unique.length) throw notFound('User');
}

/** Read model: true for a row whose (account, user) columns name a user that is not deleted. */
export const userNotDeletedSql = (accountId: PgColumn, userId: PgColumn): SQL =>
  sql`exists (select 1 from ${users} where ${users.accountId} = ${accountId} and ${users.id} = ${userId} and ${users.deletedAt} is null)`;

export type UserName = { id: string; firstName: string; lastName: string };

/** First and last names of the given users (deleted ones included: history names them), one query. */
export async function userNames(db: DbOrTx, scope: AccountScope, ids: Iterable<string>): Promise<UserName[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(inAccount(scope, users, inArray(users.id, unique)));
}

/** Throw 404 `User` unless every id is an active (not suspended, not deleted) user of the account. */
export async function assertActiveUsersExist(db: DbOrTx, scope: AccountScope, ids: Iterable<string>) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(
      inAccount(scope, users, inArray(users.id, unique), eq(users.active, true), isNull(users.deletedAt)),
    );
  if (found.length !== unique.length) throw notFound('User');
}

export type UserProfile = {
  firstName: string;
  lastName: string;
  email: string;
  timeZone: string;
};

/**
 * Name, email and time zone of one user of the account; `activeOnly` leaves out suspended and deleted
 * users (undefined then, as for an unknown id).
 */
export async function userProfile(
  db: DbOrTx,
  scope: AccountScope,
  userId: string,
  opts: { activeOnly?: boolean } = {},
): Promise<UserProfile | undefined> {
  const [row] = await db
    .select({
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      timeZone: users.timeZone,
    })
    .from(users)
    .where(
      inAccount(
        scope,
        users,
        eq(users.id, userId),
        opts.activeOnly ? eq(users.active, true) : undefined,
        opts.activeOnly ? isNull(users.deletedAt) : undefined,
      ),
    );
  return row;
}
