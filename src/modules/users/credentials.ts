// A user's password hash, for the auth module (sign-in, change, reset): the users module owns the column.
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { AccountScope } from '../access/index.ts';
import { users } from './schema.ts';

/** The stored hash of the user's password, or undefined for an unknown user. */
export async function passwordHashOf(db: DbOrTx, scope: AccountScope, userId: string) {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(inAccount(scope, users, eq(users.id, userId)));
  return row?.passwordHash;
}

/** Store a new password hash; it clears a forced change and stamps the change time. */
export async function setPasswordHash(tx: DbOrTx, scope: AccountScope, userId: string, passwordHash: string) {
  await tx
    .update(users)
    .set({
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: sql`now()` as never,
      updatedAt: sql`now()` as never,
    })
    .where(inAccount(scope, users, eq(users.id, userId)));
}
