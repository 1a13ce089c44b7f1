import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor, SalesPermissions } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { loginNames, users, type UserType } from './schema.ts';

export type NewUser = {
  email: string;
  username: string;
  firstName: string;
  lastName: string;
  passwordHash: string;
  timeZone: string;
  securityGroupId: string;
  mustChangePassword: boolean;
  userType?: UserType;
  salesPermissions?: SalesPermissions;
};

/**
 * Insert a user and claim its username and email as login names (unique across the installation,
 * since the login form has no account field). A taken name is a 409 naming each taken field.
 */
export async function insertUserWithLogins(tx: Tx, actor: Actor, u: NewUser) {
  const id = newId();
  const username = u.username.toLowerCase();
  const email = u.email.toLowerCase();
  const taken = await tx
    .select({ login: loginNames.login })
    .from(loginNames)
    .where(sql`${loginNames.login} in (${username}, ${email})`);
  if (taken.length > 0) {
    const errors: FieldProblem[] = [];
    for (const t of taken) {
      if (t.login === username) errors.push({ path: 'username', message: 'This username is already taken.' });
      if (t.login === email)
        errors.push({ path: 'email', message: 'This email is already used by another user.' });
    }
    throw new AppError('conflict', 'A user with this username or email already exists.', { errors });
  }
  await tx.insert(users).values({ accountId: actor.accountId, id, ...u, username: u.username, email });
  const inserted = await tx
    .insert(loginNames)
    .values(
      [...new Set([username, email])].map((login) => ({ login, accountId: actor.accountId, userId: id })),
    )
    .onConflictDoNothing()
    .returning({ login: loginNames.login });
  if (inserted.length !== new Set([username, email]).size) {
    throw new AppError('conflict', 'A user with this username or email already exists.');
  }
  await recordAudit(tx, actor, {
    type: 'user.created',
    subjectType: 'user',
    subjectId: id,
    data: { username, email },
  });
  return { id, username: u.username, email };
}
