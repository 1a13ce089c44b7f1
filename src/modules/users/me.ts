import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { PersonName, TimeZone } from '../../lib/fields.ts';
import { accountBasics } from '../accounts/index.ts';
import { securityGroups, users } from './schema.ts';
import { TASK_IDS, can, type AccessProfile, type TaskId, type UserActor } from '../access/index.ts';
import { diff, recordAudit } from '../audit/index.ts';
import type { Package } from '../accounts/index.ts';

/** The signed-in user, their account and their group's permissions (what `GET /me` returns). */
/** What the session query already knows about the user, so `GET /me` needs no second query. */
export type UserIdentity = {
  email: string;
  username: string;
  firstName: string;
  lastName: string;
  timeZone: string;
  securityGroupName: string;
  account: { id: string; name: string; package: Package; timeZone: string };
};

export async function getMe(deps: Deps, opts: { actor: UserActor; identity?: UserIdentity | null }) {
  const { actor } = opts;
  const row = opts.identity
    ? {
        id: actor.userId,
        userType: actor.profile.userType,
        mustChangePassword: actor.mustChangePassword,
        ...opts.identity,
      }
    : await readIdentity(deps, actor);
  if (!row) throw new AppError('unauthenticated', 'Sign in again.');
  return {
    ...row,
    permissions: actor.profile.group,
    salesPermissions: actor.profile.sales,
    isAccountAdmin: actor.profile.group.administrative.manageUsers,
    tasks: tasksWithoutRecord(actor.profile),
  };
}

/**
 * The tasks a profile may do without a particular record. Every request builds a new profile, but
 * few distinct ones exist (a group, sales permissions, user type, package), so the answer is kept
 * per distinct content; agent links do not matter without a record.
 */
const tasksByProfile = new Map<string, TaskId[]>();
function tasksWithoutRecord(profile: AccessProfile): TaskId[] {
  const key = `${profile.package}|${profile.userType}|${JSON.stringify(profile.group)}|${JSON.stringify(profile.sales)}`;
  let tasks = tasksByProfile.get(key);
  if (!tasks) {
    tasks = TASK_IDS.filter((t) => can(profile, t).allowed);
    if (tasksByProfile.size >= 1000) tasksByProfile.clear();
    tasksByProfile.set(key, tasks);
  }
  return tasks;
}

async function readIdentity(deps: Deps, actor: UserActor) {
  const [row] = await deps.db
    .select({
      id: users.id,
      email: users.email,
      username: users.username,
      firstName: users.firstName,
      lastName: users.lastName,
      timeZone: users.timeZone,
      userType: users.userType,
      mustChangePassword: users.mustChangePassword,
      securityGroupName: securityGroups.name,
    })
    .from(users)
    .innerJoin(
      securityGroups,
      and(eq(securityGroups.accountId, users.accountId), eq(securityGroups.id, users.securityGroupId)),
    )
    .where(inAccount(actor, users, eq(users.id, actor.userId)));
  if (!row) return undefined;
  // Only when the session did not carry the identity: the account's part from the accounts module.
  const account = await accountBasics(deps.db, actor);
  return account && { ...row, account: { id: actor.accountId, ...account } };
}

export const UpdateProfileInput = z.strictObject({
  firstName: PersonName.optional(),
  lastName: PersonName.optional(),
  timeZone: TimeZone.optional(),
});

/** Edit one's own name and time zone. */
export async function updateMyProfile(
  deps: Deps,
  opts: { actor: UserActor; patch: z.infer<typeof UpdateProfileInput> },
) {
  const { actor, patch } = opts;
  const where = inAccount(actor, users, eq(users.id, actor.userId));
  await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ firstName: users.firstName, lastName: users.lastName, timeZone: users.timeZone })
      .from(users)
      .where(where)
      .for('update');
    if (!before) throw new AppError('unauthenticated', 'Sign in again.');
    const changes = diff(before, patch);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(users)
      .set({ ...patch, updatedAt: sql`now()` as never })
      .where(where);
    await recordAudit(tx, actor, {
      type: 'user.updated',
      subjectType: 'user',
      subjectId: actor.userId,
      data: { changes },
    });
  });
  return getMe(deps, { actor });
}
