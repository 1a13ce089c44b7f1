import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { PersonName, TimeZone } from '../../lib/fields.ts';
import { accounts } from '../accounts/schema.ts';
import type { UserActor } from '../access/actor.ts';
import { diff } from '../audit/events.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { securityGroups, users } from './schema.ts';
import { can } from '../access/can.ts';
import { TASK_IDS } from '../access/tasks.ts';

/** The signed-in user, their account and their group's permissions (what `GET /me` returns). */
export async function getMe(deps: Deps, opts: { actor: UserActor }) {
  const { actor } = opts;
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
      account: {
        id: accounts.id,
        name: accounts.name,
        package: accounts.package,
        timeZone: accounts.timeZone,
      },
    })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .innerJoin(
      securityGroups,
      and(eq(securityGroups.accountId, users.accountId), eq(securityGroups.id, users.securityGroupId)),
    )
    .where(inAccount(actor, users, eq(users.id, actor.userId)));
  if (!row) throw new AppError('unauthenticated', 'Sign in again.');
  return {
    ...row,
    permissions: actor.profile.group,
    salesPermissions: actor.profile.sales,
    isAccountAdmin: actor.profile.group.administrative.manageUsers,
    tasks: TASK_IDS.filter((t) => can(actor.profile, t).allowed),
  };
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
