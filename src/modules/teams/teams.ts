import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { authorize, type AccountScope, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { assertUsersExist, userNotDeletedSql } from '../users/index.ts';
import { teamMembers, teams } from './schema.ts';

export const TeamInput = z.strictObject({
  name: z.string().trim().min(1, 'Required.').max(100),
  memberIds: z.array(z.uuid()).max(1000).default([]),
});
export const TeamPatch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  memberIds: z.array(z.uuid()).max(1000).optional(),
});

export async function listTeams(deps: Deps, opts: { actor: Actor }) {
  authorize(opts.actor, 'users.manage');
  const rows = await deps.db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(inAccount(opts.actor, teams))
    .orderBy(asc(teams.name));
  const members = await deps.db
    .select({ teamId: teamMembers.teamId, userId: teamMembers.userId })
    .from(teamMembers)
    .where(inAccount(opts.actor, teamMembers, userNotDeletedSql(teamMembers.accountId, teamMembers.userId)));
  return rows.map((t) => ({
    ...t,
    memberIds: members.filter((m) => m.teamId === t.id).map((m) => m.userId),
  }));
}

export async function setTeamMembers(tx: DbOrTx, scope: AccountScope, teamId: string, memberIds: string[]) {
  await assertUsersExist(tx, scope, memberIds);
  await tx.delete(teamMembers).where(inAccount(scope, teamMembers, eq(teamMembers.teamId, teamId)));
  const unique = [...new Set(memberIds)];
  if (unique.length)
    await tx
      .insert(teamMembers)
      .values(unique.map((userId) => ({ accountId: scope.accountId, teamId, userId })));
}

async function assertNameFree(tx: DbOrTx, scope: AccountScope, name: string, exceptId?: string) {
  const rows = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(inAccount(scope, teams, sql`lower(${teams.name}) = lower(${name})`));
  if (rows.some((r) => r.id !== exceptId))
    throw new AppError('conflict', 'A team with this name exists.', {
      errors: [{ path: 'name', message: 'Already used.' }],
    });
}

export async function createTeam(deps: Deps, opts: { actor: Actor; input: z.infer<typeof TeamInput> }) {
  authorize(opts.actor, 'users.manage');
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await assertNameFree(tx, opts.actor, opts.input.name);
    await tx.insert(teams).values({ accountId: opts.actor.accountId, id, name: opts.input.name });
    await setTeamMembers(tx, opts.actor, id, opts.input.memberIds);
    await recordAudit(tx, opts.actor, {
      type: 'team.created',
      subjectType: 'team',
      subjectId: id,
      data: { name: opts.input.name, memberIds: opts.input.memberIds },
    });
  });
  return id;
}

export async function updateTeam(
  deps: Deps,
  opts: { actor: Actor; id: string; patch: z.infer<typeof TeamPatch> },
) {
  authorize(opts.actor, 'users.manage');
  await deps.db.transaction(async (tx) => {
    const where = inAccount(opts.actor, teams, eq(teams.id, opts.id));
    const [before] = await tx.select().from(teams).where(where).for('update');
    if (!before) throw notFound('Team');
    if (opts.patch.name) {
      await assertNameFree(tx, opts.actor, opts.patch.name, opts.id);
      await tx.update(teams).set({ name: opts.patch.name }).where(where);
    }
    if (opts.patch.memberIds) await setTeamMembers(tx, opts.actor, opts.id, opts.patch.memberIds);
    await recordAudit(tx, opts.actor, {
      type: 'team.updated',
      subjectType: 'team',
      subjectId: opts.id,
      data: { ...opts.patch },
    });
  });
}

export async function deleteTeam(deps: Deps, opts: { actor: Actor; id: string }) {
  authorize(opts.actor, 'users.manage');
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(teams)
      .where(inAccount(opts.actor, teams, eq(teams.id, opts.id)))
      .returning({ name: teams.name });
    if (!row) throw notFound('Team');
    await recordAudit(tx, opts.actor, {
      type: 'team.deleted',
      subjectType: 'team',
      subjectId: opts.id,
      data: { name: row.name },
    });
  });
}
