import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import {
  GroupPermissionsSchema,
  authorize,
  groupWithin,
  type AccountScope,
  type Actor,
} from '../access/index.ts';
import { diff, recordAudit } from '../audit/index.ts';
import { lockAccount } from '../accounts/index.ts';
import { assertGroupGrantable, assertGroupWithinReach } from './grants.ts';
import { securityGroups, users } from './schema.ts';

export const SecurityGroupInput = z.strictObject({
  name: z.string().trim().min(1, 'Required.').max(100),
  permissions: GroupPermissionsSchema,
});
export const SecurityGroupPatch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  permissions: GroupPermissionsSchema.optional(),
});

/**
 * How many active users can manage users, as the calling transaction's change leaves them. It
 * first locks the account's row, so two transactions that each remove a manager count one after
 * the other: under READ COMMITTED the second one's count, a new statement taken after the first
 * committed, sees the first one's change (decision 020). Call it after the change, in its
 * transaction.
 */
export async function countManagers(tx: DbOrTx, scope: AccountScope): Promise<number> {
  await lockAccount(tx, scope);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(
      securityGroups,
      and(eq(securityGroups.accountId, users.accountId), eq(securityGroups.id, users.securityGroupId)),
    )
    .where(
      and(
        eq(users.accountId, scope.accountId),
        eq(users.active, true),
        sql`${users.deletedAt} is null`,
        sql`(${securityGroups.permissions} -> 'administrative' ->> 'manageUsers')::boolean`,
        eq(users.userType, 'agency_user'),
      ),
    );
  return row!.n;
}

export const lastManagerError = () =>
  new AppError(
    'conflict',
    'This is the last active user who can manage users; give that permission to someone else first.',
  );

export async function listSecurityGroups(deps: Deps, opts: { actor: Actor }) {
  authorize(opts.actor, 'users.manage');
  return deps.db
    .select({
      id: securityGroups.id,
      name: securityGroups.name,
      permissions: securityGroups.permissions,
      // Qualified by hand: drizzle leaves columns unqualified in single-table selects.
      userCount: sql<number>`(select count(*)::int from users u where u.account_id = "security_groups"."account_id" and u.security_group_id = "security_groups"."id" and u.deleted_at is null)`,
    })
    .from(securityGroups)
    .where(inAccount(opts.actor, securityGroups))
    .orderBy(asc(securityGroups.name));
}

async function assertNameFree(tx: DbOrTx, scope: AccountScope, name: string, exceptId?: string) {
  const rows = await tx
    .select({ id: securityGroups.id })
    .from(securityGroups)
    .where(inAccount(scope, securityGroups, sql`lower(${securityGroups.name}) = lower(${name})`));
  if (rows.some((r) => r.id !== exceptId))
    throw new AppError('conflict', 'A security group with this name exists.', {
      errors: [{ path: 'name', message: 'Already used.' }],
    });
}

export async function createSecurityGroup(
  deps: Deps,
  opts: { actor: Actor; input: z.infer<typeof SecurityGroupInput> },
) {
  authorize(opts.actor, 'users.manage');
  const id = newId();
  assertGroupGrantable(opts.actor, opts.input.permissions, 'permissions');
  await deps.db.transaction(async (tx) => {
    await assertNameFree(tx, opts.actor, opts.input.name);
    await tx.insert(securityGroups).values({ accountId: opts.actor.accountId, id, ...opts.input });
    await recordAudit(tx, opts.actor, {
      type: 'security_group.created',
      subjectType: 'security_group',
      subjectId: id,
      data: { name: opts.input.name },
    });
  });
  return id;
}

/** Edit a group; its users get the new permissions on their next request. */
export async function updateSecurityGroup(
  deps: Deps,
  opts: { actor: Actor; id: string; patch: z.infer<typeof SecurityGroupPatch> },
) {
  const { actor, id, patch } = opts;
  authorize(actor, 'users.manage');
  await deps.db.transaction(async (tx) => {
    const where = inAccount(actor, securityGroups, eq(securityGroups.id, id));
    const [before] = await tx.select().from(securityGroups).where(where).for('update');
    if (!before) throw notFound('Security group');
    assertGroupWithinReach(actor, before.permissions);
    if (patch.name) await assertNameFree(tx, actor, patch.name, id);
    if (patch.permissions && actor.kind === 'user') {
      const [own] = await tx
        .select({ groupId: users.securityGroupId })
        .from(users)
        .where(inAccount(actor, users, eq(users.id, actor.userId)));
      if (own?.groupId === id && !groupWithin(patch.permissions, before.permissions)) {
        throw new AppError('forbidden', 'You cannot raise the permissions of your own security group.', {
          missing: ['notOwnEscalation'],
        });
      }
    }
    if (patch.permissions) assertGroupGrantable(actor, patch.permissions, 'permissions');
    const changes = diff(before as unknown as Record<string, unknown>, patch);
    await tx
      .update(securityGroups)
      .set({ ...patch, updatedAt: sql`now()` as never })
      .where(where);
    if (
      patch.permissions &&
      before.permissions.administrative.manageUsers &&
      !patch.permissions.administrative.manageUsers
    ) {
      if ((await countManagers(tx, actor)) === 0) throw lastManagerError();
    }
    await recordAudit(tx, actor, {
      type: 'security_group.updated',
      subjectType: 'security_group',
      subjectId: id,
      data: { changes },
    });
  });
}

export async function deleteSecurityGroup(deps: Deps, opts: { actor: Actor; id: string }) {
  authorize(opts.actor, 'users.manage');
  await deps.db.transaction(async (tx) => {
    const [inUse] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(inAccount(opts.actor, users, eq(users.securityGroupId, opts.id)));
    const [row] = await tx
      .select({ name: securityGroups.name, permissions: securityGroups.permissions })
      .from(securityGroups)
      .where(inAccount(opts.actor, securityGroups, eq(securityGroups.id, opts.id)));
    if (!row) throw notFound('Security group');
    assertGroupWithinReach(opts.actor, row.permissions);
    if (inUse!.n > 0)
      throw new AppError(
        'conflict',
        `${inUse!.n} user(s) belong to this group (deleted users included: their history keeps it); move the active ones to another group, or keep the group.`,
      );
    await tx
      .delete(securityGroups)
      .where(inAccount(opts.actor, securityGroups, eq(securityGroups.id, opts.id)));
    await recordAudit(tx, opts.actor, {
      type: 'security_group.deleted',
      subjectType: 'security_group',
      subjectId: opts.id,
      data: { name: row.name },
    });
  });
}
