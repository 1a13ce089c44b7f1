import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import { AppError, type FieldProblem, notFound } from '../../lib/errors.ts';
import type { Actor } from '../access/index.ts';
import { isRestrictedToAccessibleAgents } from '../access/index.ts';
import { groupWithin, salesGrantWithin } from '../access/index.ts';
import type { SalesPermissions } from '../access/index.ts';
import type { GroupPermissions } from './permissions.ts';
import { securityGroups, users } from './schema.ts';

/**
 * "Nobody may grant, directly or through another user, a group or permission they do not hold
 * themselves" (issue 12). A user's own group and sales permissions bound what they can give; a
 * full-scope API key and the operator act for the whole account and are not bounded.
 */
export const MISSING_GRANT = 'notBeyondOwnPermissions';
const BEYOND = 'Beyond your own permissions.';

function refuse(message: string, problems: FieldProblem[]): never {
  throw new AppError('forbidden', message, { errors: problems, missing: [MISSING_GRANT] });
}

/** The group `groupId` would give: refused if it holds anything the actor's own group does not. */
export function assertGroupGrantable(actor: Actor, group: GroupPermissions, path = 'securityGroupId') {
  if (actor.kind !== 'user' || groupWithin(group, actor.profile.group)) return;
  refuse('You cannot give a security group with permissions you do not have yourself.', [
    { path, message: BEYOND },
  ]);
}

/** Acting on a user (edit, suspend, reactivate, delete) whose group holds more than the actor's. */
export async function assertUserWithinReach(tx: DbOrTx, actor: Actor, userId: string) {
  if (actor.kind !== 'user') return;
  const [row] = await tx
    .select({ permissions: securityGroups.permissions })
    .from(users)
    .innerJoin(
      securityGroups,
      and(eq(securityGroups.accountId, users.accountId), eq(securityGroups.id, users.securityGroupId)),
    )
    .where(inAccount(actor, users, eq(users.id, userId)));
  if (!row) throw notFound('User');
  assertReach(actor, row.permissions, 'user');
}

/** Acting on a group (edit, delete) that holds more than the actor's own. */
export function assertGroupWithinReach(actor: Actor, group: GroupPermissions) {
  assertReach(actor, group, 'security group');
}

function assertReach(actor: Actor, group: GroupPermissions, what: 'user' | 'security group') {
  if (actor.kind !== 'user' || groupWithin(group, actor.profile.group)) return;
  refuse(
    what === 'user'
      ? 'This user’s security group has permissions you do not have: only someone who has them can change this user.'
      : 'This security group has permissions you do not have: only someone who has them can change it.',
    [{ path: 'id', message: BEYOND }],
  );
}

/**
 * Sales permissions and Accessible Agents given to a user: nothing beyond the actor's own, except
 * what the user already had (kept as it was).
 */
export function assertUserGrantsWithin(
  actor: Actor,
  next: { salesPermissions?: SalesPermissions | undefined; accessibleAgentIds?: string[] | undefined },
  before?: { salesPermissions: SalesPermissions; accessibleAgentIds: string[] },
) {
  if (actor.kind !== 'user') return;
  const problems: FieldProblem[] = [];
  if (
    next.salesPermissions &&
    !salesGrantWithin(next.salesPermissions, actor.profile.sales, before?.salesPermissions)
  )
    problems.push({ path: 'salesPermissions', message: BEYOND });
  if (next.accessibleAgentIds && isRestrictedToAccessibleAgents(actor.profile)) {
    const had = new Set(before?.accessibleAgentIds ?? []);
    if (next.accessibleAgentIds.some((a) => !had.has(a) && !actor.profile.accessibleAgentIds.has(a)))
      problems.push({ path: 'accessibleAgentIds', message: BEYOND });
  }
  if (problems.length) refuse('You cannot give permissions you do not have yourself.', problems);
}
