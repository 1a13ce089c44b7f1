import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { AppError, type FieldProblem, notFound } from '../../lib/errors.ts';
import { Email, PersonName, TimeZone, Username } from '../../lib/fields.ts';
import { generateTemporaryPassword, hashPassword } from '../../lib/passwords.ts';
import { accountBasics } from '../accounts/index.ts';
import { canReactivate, reactivationAllowedAt } from './cooldown.ts';
import { assertGroupGrantable, assertUserGrantsWithin, assertUserWithinReach } from './grants.ts';
import { insertUserWithLogins } from './insert-user.ts';
import { countManagers, lastManagerError } from './security-groups.ts';
import { loginNames, securityGroups, USER_TYPES, userActivityVisibility, users } from './schema.ts';
import {
  DEFAULT_SALES_PERMISSIONS,
  SCALE_ONLY_FLAGS,
  SalesPermissionsSchema,
  authorize,
  groupWithin,
  salesWithin,
  type Actor,
  type SalesPermissions,
} from '../access/index.ts';
import { agentLinksOf, assertAgentsExist, setAgentLinks, type AgentLinkKind } from '../agents/index.ts';
import { diff, recordAudit } from '../audit/index.ts';
import { queueEmail } from '../email/index.ts';
import { assertRecordTypesExist } from '../record-types/index.ts';
import { userCalendarLinks, userSessions, userTeams } from './hooks.ts';
import { assertUsersExist } from './read-models.ts';
import { escapeLike } from '../../lib/like.ts';

const Ids = z.array(z.uuid({ message: 'Must be a valid id.' })).max(1000);
const CustomFields = z.tuple([
  z.string().max(200),
  z.string().max(200),
  z.string().max(200),
  z.string().max(200),
]);

export const CreateUserInput = z.strictObject({
  firstName: PersonName,
  lastName: PersonName,
  email: Email,
  username: Username,
  timeZone: TimeZone.optional().describe('Default: the account’s time zone'),
  userType: z.enum(USER_TYPES).default('agency_user'),
  securityGroupId: z.uuid({ message: 'Choose a security group.' }),
  linkedAgentIds: Ids.default([]),
  accessibleAgentIds: Ids.default([]),
  teamIds: Ids.default([]),
  viewOtherUsersActivities: z.boolean().default(false),
  visibleUserIds: Ids.default([]),
  salesPermissions: SalesPermissionsSchema.default(DEFAULT_SALES_PERMISSIONS),
  customFields: CustomFields.default(['', '', '', '']),
  /** "Save & Email Login Info": email a temporary password. Otherwise it is returned once. */
  sendLoginInfo: z.boolean().default(true),
});

export const UpdateUserInput = z.strictObject({
  firstName: PersonName.optional(),
  lastName: PersonName.optional(),
  email: Email.optional(),
  username: Username.optional(),
  timeZone: TimeZone.optional(),
  userType: z.enum(USER_TYPES).optional(),
  securityGroupId: z.uuid().optional(),
  linkedAgentIds: Ids.optional(),
  accessibleAgentIds: Ids.optional(),
  teamIds: Ids.optional(),
  viewOtherUsersActivities: z.boolean().optional(),
  visibleUserIds: Ids.optional(),
  salesPermissions: SalesPermissionsSchema.optional(),
  customFields: CustomFields.optional(),
});
type UpdateUser = z.infer<typeof UpdateUserInput>;

export type UserView = Awaited<ReturnType<typeof getUser>>;

const baseColumns = {
  id: users.id,
  firstName: users.firstName,
  lastName: users.lastName,
  email: users.email,
  username: users.username,
  active: users.active,
  timeZone: users.timeZone,
  userType: users.userType,
  suspendedAt: users.suspendedAt,
  createdAt: users.createdAt,
  securityGroup: { id: securityGroups.id, name: securityGroups.name },
};

export async function getUser(deps: Pick<Deps, 'db' | 'config'>, opts: { actor: Actor; id: string }) {
  authorize(opts.actor, 'users.manage');
  const [row] = await deps.db
    .select({
      ...baseColumns,
      viewOtherUsersActivities: users.viewOtherUsersActivities,
      salesPermissions: users.salesPermissions,
      customFields: users.customFields,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .innerJoin(
      securityGroups,
      and(eq(securityGroups.accountId, users.accountId), eq(securityGroups.id, users.securityGroupId)),
    )
    .where(inAccount(opts.actor, users, eq(users.id, opts.id), isNull(users.deletedAt)));
  if (!row) throw notFound('User');
  const links = await agentLinksOf(deps.db, opts.actor, opts.id);
  const teamIds = await userTeams.get().teamIdsOf(deps.db, opts.actor, opts.id);
  const visible = await deps.db
    .select({ id: userActivityVisibility.visibleUserId })
    .from(userActivityVisibility)
    .where(inAccount(opts.actor, userActivityVisibility, eq(userActivityVisibility.userId, opts.id)));
  return {
    ...row,
    reactivationAllowedAt: row.suspendedAt ? reactivationAllowedAt(row.suspendedAt) : null,
    linkedAgentIds: links.linked,
    accessibleAgentIds: links.accessible,
    teamIds,
    visibleUserIds: visible.map((v) => v.id),
    calendarLinks: await userCalendarLinks.get().of(deps.db, opts.actor, deps.config.baseUrl, opts.id),
  };
}

const ListCursor = z.object({ l: z.string(), f: z.string(), id: z.uuid() });

export async function listUsers(
  deps: Deps,
  opts: {
    actor: Actor;
    q?: string | undefined;
    status?: 'active' | 'suspended' | 'all' | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  authorize(opts.actor, 'users.manage');
  const after = opts.cursor ? decodeCursor(opts.cursor, ListCursor) : null;
  const q = opts.q?.trim() ? escapeLike(opts.q.trim().toLowerCase()) : undefined;
  const last = sql`lower(${users.lastName})`;
  const first = sql`lower(${users.firstName})`;
  const rows = await deps.db
    .select({
      ...baseColumns,
      teamNames: userTeams.get().teamNamesSql(users.accountId, users.id),
    })
    .from(users)
    .innerJoin(
      securityGroups,
      and(eq(securityGroups.accountId, users.accountId), eq(securityGroups.id, users.securityGroupId)),
    )
    .where(
      inAccount(
        opts.actor,
        users,
        isNull(users.deletedAt),
        opts.status === 'active'
          ? eq(users.active, true)
          : opts.status === 'suspended'
            ? eq(users.active, false)
            : undefined,
        q
          ? sql`(lower(${users.firstName} || ' ' || ${users.lastName}) like ${`%${q}%`} or lower(${users.email}) like ${`%${q}%`} or lower(${users.username}) like ${`%${q}%`})`
          : undefined,
        after ? sql`(${last}, ${first}, ${users.id}) > (${after.l}, ${after.f}, ${after.id})` : undefined,
      ),
    )
    .orderBy(last, first, asc(users.id))
    .limit(opts.limit + 1);
  const items = rows.slice(0, opts.limit).map((r) => ({
    ...r,
    reactivationAllowedAt: r.suspendedAt ? reactivationAllowedAt(r.suspendedAt) : null,
  }));
  const tail = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > opts.limit && tail
        ? encodeCursor({ l: tail.lastName.toLowerCase(), f: tail.firstName.toLowerCase(), id: tail.id })
        : null,
  };
}

/** Rules shared by create and update; every problem is reported at once. */
async function validateUserFields(
  tx: DbOrTx,
  actor: Actor,
  u: {
    userType: string;
    securityGroupId: string;
    accessibleAgentIds: string[];
    salesPermissions: SalesPermissions;
  },
  refs: { linkedAgentIds?: string[]; teamIds?: string[]; visibleUserIds?: string[] },
) {
  const [group] = await tx
    .select()
    .from(securityGroups)
    .where(inAccount(actor, securityGroups, eq(securityGroups.id, u.securityGroupId)));
  if (!group) throw notFound('Security group');
  await assertAgentsExist(tx, actor, [...u.accessibleAgentIds, ...(refs.linkedAgentIds ?? [])]);
  await assertRecordTypesExist(tx, actor, Object.keys(u.salesPermissions.recordTypeAccess));
  if (refs.teamIds?.length) await userTeams.get().assertTeamsExist(tx, actor, refs.teamIds);
  if (refs.visibleUserIds) await assertUsersExist(tx, actor, refs.visibleUserIds);

  const problems: FieldProblem[] = [];
  const needsAccessible =
    u.userType === 'agent_crm_user' || group.permissions.recordAccess.restriction === 'accessible_agents';
  if (needsAccessible && u.accessibleAgentIds.length === 0) {
    problems.push({
      path: 'accessibleAgentIds',
      message:
        u.userType === 'agent_crm_user'
          ? 'An Agent CRM User needs at least one Accessible Agent.'
          : 'This security group restricts records to Accessible Agents: add at least one.',
    });
  }
  if (actor.accountPackage !== 'scale') {
    for (const f of SCALE_ONLY_FLAGS) {
      if (u.salesPermissions.flags[f])
        problems.push({
          path: `salesPermissions.flags.${f}`,
          message: 'Available on the Scale package only.',
        });
    }
  }
  if (problems.length)
    throw new AppError('rule_violation', 'The user’s settings break a rule.', { errors: problems });
  return group;
}

async function setLinks(tx: DbOrTx, actor: Actor, userId: string, kind: AgentLinkKind, agentIds: string[]) {
  await setAgentLinks(tx, actor, userId, kind, agentIds);
}

async function setTeams(tx: DbOrTx, actor: Actor, userId: string, teamIds: string[]) {
  await userTeams.get().setTeamsOf(tx, actor, userId, teamIds);
}

async function setVisibleUsers(tx: DbOrTx, actor: Actor, userId: string, ids: string[]) {
  await tx
    .delete(userActivityVisibility)
    .where(inAccount(actor, userActivityVisibility, eq(userActivityVisibility.userId, userId)));
  const unique = [...new Set(ids)].filter((id) => id !== userId);
  if (unique.length)
    await tx
      .insert(userActivityVisibility)
      .values(unique.map((visibleUserId) => ({ accountId: actor.accountId, userId, visibleUserId })));
}

/** Where the agency works: a new user's time zone unless one is given. */
async function accountTimeZone(tx: DbOrTx, actor: Actor): Promise<string> {
  return (await accountBasics(tx, actor))!.timeZone;
}

/** Create a user ("Save & Email Login Info" emails a temporary password they must change). */
export async function createUser(deps: Deps, opts: { actor: Actor; input: z.infer<typeof CreateUserInput> }) {
  const { actor, input } = opts;
  authorize(actor, 'users.manage');
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const result = await deps.db.transaction(async (tx) => {
    const group = await validateUserFields(tx, actor, input, input);
    assertGroupGrantable(actor, group.permissions);
    assertUserGrantsWithin(actor, input);
    const { id } = await insertUserWithLogins(tx, actor, {
      email: input.email,
      username: input.username,
      firstName: input.firstName,
      lastName: input.lastName,
      passwordHash,
      timeZone: input.timeZone ?? (await accountTimeZone(tx, actor)),
      securityGroupId: input.securityGroupId,
      mustChangePassword: true,
      userType: input.userType,
      salesPermissions: input.salesPermissions,
    });
    await tx
      .update(users)
      .set({ viewOtherUsersActivities: input.viewOtherUsersActivities, customFields: input.customFields })
      .where(inAccount(actor, users, eq(users.id, id)));
    await setLinks(tx, actor, id, 'linked', input.linkedAgentIds);
    await setLinks(tx, actor, id, 'accessible', input.accessibleAgentIds);
    await setTeams(tx, actor, id, input.teamIds);
    await setVisibleUsers(tx, actor, id, input.viewOtherUsersActivities ? input.visibleUserIds : []);
    let email: Awaited<ReturnType<typeof queueEmail>> | null = null;
    if (input.sendLoginInfo) {
      const account = await accountBasics(tx, actor);
      email = await queueEmail(tx, actor.accountId, {
        kind: 'login_info',
        to: input.email,
        subject: `Your OpenAMS login for ${account!.name}`,
        text:
          `Hello ${input.firstName},\n\nAn account was created for you in OpenAMS (${account!.name}).\n\n` +
          `Sign in at ${deps.config.baseUrl}/login\nUsername: ${input.username}\nTemporary password: ${temporaryPassword}\n\n` +
          `You will be asked to choose your own password when you first sign in.\n`,
      });
      await recordAudit(tx, actor, {
        type: 'user.login_info_sent',
        subjectType: 'user',
        subjectId: id,
        data: { email: input.email },
      });
    }
    return { id, email };
  });
  await result.email?.dispatch(deps);
  const user = await getUser(deps, { actor, id: result.id });
  return { user, temporaryPassword: input.sendLoginInfo ? null : temporaryPassword };
}

async function updateLoginNames(
  tx: DbOrTx,
  actor: Actor,
  userId: string,
  oldNames: string[],
  newNames: string[],
) {
  const next = [...new Set(newNames.map((n) => n.toLowerCase()))];
  await tx
    .delete(loginNames)
    .where(and(eq(loginNames.accountId, actor.accountId), eq(loginNames.userId, userId)));
  const taken = await tx
    .select({ login: loginNames.login })
    .from(loginNames)
    .where(inArray(loginNames.login, next));
  if (taken.length) {
    throw new AppError('conflict', 'This username or email is already used by another user.', {
      errors: taken.map((t) => ({
        path: t.login.includes('@') && !oldNames.includes(t.login) ? 'email' : 'username',
        message: 'Already taken.',
      })),
    });
  }
  await tx.insert(loginNames).values(next.map((login) => ({ login, accountId: actor.accountId, userId })));
}

/** Edit a user. Nobody can raise their own permissions; the last manager cannot be demoted. */
export async function updateUser(deps: Deps, opts: { actor: Actor; id: string; patch: UpdateUser }) {
  const { actor, id, patch } = opts;
  authorize(actor, 'users.manage');
  await deps.db.transaction(async (tx) => {
    const where = inAccount(actor, users, eq(users.id, id), isNull(users.deletedAt));
    const [before] = await tx.select().from(users).where(where).for('update');
    if (!before) throw notFound('User');
    const currentAccessible = (await agentLinksOf(tx, actor, id, 'accessible')).accessible;
    const merged = {
      userType: patch.userType ?? before.userType,
      securityGroupId: patch.securityGroupId ?? before.securityGroupId,
      accessibleAgentIds: patch.accessibleAgentIds ?? currentAccessible,
      salesPermissions: patch.salesPermissions ?? before.salesPermissions,
    };
    const group = await validateUserFields(tx, actor, merged, patch);

    if (actor.kind === 'user' && actor.userId === id) {
      const [oldGroup] = await tx
        .select()
        .from(securityGroups)
        .where(inAccount(actor, securityGroups, eq(securityGroups.id, before.securityGroupId)));
      const raises: string[] = [];
      if (!groupWithin(group.permissions, oldGroup!.permissions)) raises.push('securityGroupId');
      if (!salesWithin(merged.salesPermissions, before.salesPermissions)) raises.push('salesPermissions');
      if (before.userType === 'agent_crm_user' && merged.userType === 'agency_user') raises.push('userType');
      if (merged.accessibleAgentIds.some((a) => !currentAccessible.includes(a)))
        raises.push('accessibleAgentIds');
      if (raises.length) {
        throw new AppError('forbidden', 'You cannot raise your own permissions.', {
          errors: raises.map((path) => ({ path, message: 'Would raise your own permissions.' })),
          missing: ['notOwnEscalation'],
        });
      }
    }
    await assertUserWithinReach(tx, actor, id);
    if (patch.securityGroupId) assertGroupGrantable(actor, group.permissions);
    assertUserGrantsWithin(actor, patch, {
      salesPermissions: before.salesPermissions,
      accessibleAgentIds: currentAccessible,
    });

    const { linkedAgentIds, accessibleAgentIds, teamIds, visibleUserIds, ...fields } = patch;
    const changes = diff(before as unknown as Record<string, unknown>, fields);
    if (patch.email || patch.username) {
      await updateLoginNames(
        tx,
        actor,
        id,
        [before.email.toLowerCase(), before.username.toLowerCase()],
        [patch.username ?? before.username, patch.email ?? before.email],
      );
    }
    if (Object.keys(fields).length)
      await tx
        .update(users)
        .set({ ...fields, updatedAt: sql`now()` as never })
        .where(where);
    if (linkedAgentIds) await setLinks(tx, actor, id, 'linked', linkedAgentIds);
    if (accessibleAgentIds) await setLinks(tx, actor, id, 'accessible', accessibleAgentIds);
    if (teamIds) await setTeams(tx, actor, id, teamIds);
    const viewOthers = patch.viewOtherUsersActivities ?? before.viewOtherUsersActivities;
    if (visibleUserIds || patch.viewOtherUsersActivities === false)
      await setVisibleUsers(tx, actor, id, viewOthers ? (visibleUserIds ?? []) : []);
    for (const [k, v] of Object.entries({ linkedAgentIds, accessibleAgentIds, teamIds, visibleUserIds }))
      if (v) changes[k] = { from: null, to: v };

    if ((await countManagers(tx, actor)) === 0) throw lastManagerError();
    await recordAudit(tx, actor, {
      type: 'user.updated',
      subjectType: 'user',
      subjectId: id,
      data: { changes },
    });
  });
  return getUser(deps, { actor, id });
}

/** Suspend: the user can no longer sign in and every session ends at once. */
export async function suspendUser(deps: Deps, opts: { actor: Actor; id: string }) {
  const { actor, id } = opts;
  authorize(actor, 'users.manage');
  if (actor.kind === 'user' && actor.userId === id)
    throw new AppError('rule_violation', 'You cannot suspend yourself.');
  await deps.db.transaction(async (tx) => {
    const where = inAccount(actor, users, eq(users.id, id), isNull(users.deletedAt));
    const [before] = await tx.select({ active: users.active }).from(users).where(where).for('update');
    if (!before) throw notFound('User');
    await assertUserWithinReach(tx, actor, id);
    if (!before.active) throw new AppError('conflict', 'This user is already suspended.');
    await tx
      .update(users)
      .set({ active: false, suspendedAt: sql`now()` as never, updatedAt: sql`now()` as never })
      .where(where);
    if ((await countManagers(tx, actor)) === 0) throw lastManagerError();
    await userSessions.get().endAll(tx, actor, id);
    await recordAudit(tx, actor, { type: 'user.suspended', subjectType: 'user', subjectId: id, data: {} });
  });
  return getUser(deps, { actor, id });
}

/** Reactivate: refused until 14 days after the suspension, naming the date. */
export async function reactivateUser(deps: Deps, opts: { actor: Actor; id: string; now?: Date }) {
  const { actor, id } = opts;
  authorize(actor, 'users.manage');
  await deps.db.transaction(async (tx) => {
    const where = inAccount(actor, users, eq(users.id, id), isNull(users.deletedAt));
    const [before] = await tx
      .select({ active: users.active, suspendedAt: users.suspendedAt })
      .from(users)
      .where(where)
      .for('update');
    if (!before) throw notFound('User');
    await assertUserWithinReach(tx, actor, id);
    if (before.active) throw new AppError('conflict', 'This user is already active.');
    if (!canReactivate(before.suspendedAt, opts.now ?? new Date())) {
      const at = reactivationAllowedAt(before.suspendedAt!).toISOString();
      throw new AppError(
        'rule_violation',
        `A suspended user can be reactivated 14 days after the suspension: from ${at}.`,
        {
          errors: [{ path: 'reactivationAllowedAt', message: at }],
        },
      );
    }
    await tx
      .update(users)
      .set({ active: true, suspendedAt: null, updatedAt: sql`now()` as never })
      .where(where);
    await recordAudit(tx, actor, { type: 'user.reactivated', subjectType: 'user', subjectId: id, data: {} });
  });
  return getUser(deps, { actor, id });
}

/**
 * Delete: the user leaves every list and dropdown, their login names are freed and their sessions
 * end; what they made stays attributed to them (the row is kept, marked deleted).
 */
export async function deleteUser(deps: Deps, opts: { actor: Actor; id: string }) {
  const { actor, id } = opts;
  authorize(actor, 'users.manage');
  if (actor.kind === 'user' && actor.userId === id)
    throw new AppError('rule_violation', 'You cannot delete yourself.');
  await deps.db.transaction(async (tx) => {
    const where = inAccount(actor, users, eq(users.id, id), isNull(users.deletedAt));
    const [before] = await tx.select({ username: users.username }).from(users).where(where).for('update');
    if (!before) throw notFound('User');
    await assertUserWithinReach(tx, actor, id);
    await tx
      .update(users)
      .set({ active: false, deletedAt: sql`now()` as never, updatedAt: sql`now()` as never })
      .where(where);
    if ((await countManagers(tx, actor)) === 0) throw lastManagerError();
    await tx
      .delete(loginNames)
      .where(and(eq(loginNames.accountId, actor.accountId), eq(loginNames.userId, id)));
    await setTeams(tx, actor, id, []);
    await tx
      .delete(userActivityVisibility)
      .where(
        inAccount(
          actor,
          userActivityVisibility,
          or(eq(userActivityVisibility.userId, id), eq(userActivityVisibility.visibleUserId, id)),
        ),
      );
    await userSessions.get().endAll(tx, actor, id);
    await recordAudit(tx, actor, {
      type: 'user.deleted',
      subjectType: 'user',
      subjectId: id,
      data: { username: before.username },
    });
  });
}

/** Users a Sales Record may be assigned to: only oneself under Agent Dropdown View "self". */
export async function listAssignableUsers(deps: Deps, opts: { actor: Actor }) {
  const { actor } = opts;
  authorize(actor, 'sales_record.view');
  const selfOnly = actor.kind === 'user' && actor.profile.sales.agentDropdownView === 'self';
  return deps.db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(
      inAccount(
        actor,
        users,
        eq(users.active, true),
        isNull(users.deletedAt),
        selfOnly && actor.kind === 'user' ? eq(users.id, actor.userId) : undefined,
      ),
    )
    .orderBy(asc(users.lastName), asc(users.firstName));
}
