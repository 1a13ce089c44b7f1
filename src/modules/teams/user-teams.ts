import { eq, inArray, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { inAccount } from '../../db/tenant.ts';
import { notFound } from '../../lib/errors.ts';
import type { UserTeams } from '../users/index.ts';
import { teamMembers, teams } from './schema.ts';

/** The teams module's side of a user's memberships, for the user edit page (wired in src/server/wiring.ts). */
export const userTeamsOfTeams: UserTeams = {
  async teamIdsOf(db, scope, userId) {
    const rows = await db
      .select({ teamId: teamMembers.teamId })
      .from(teamMembers)
      .where(inAccount(scope, teamMembers, eq(teamMembers.userId, userId)));
    return rows.map((r) => r.teamId);
  },
  async assertTeamsExist(db, scope, teamIds) {
    if (teamIds.length === 0) return;
    const found = await db
      .select({ id: teams.id })
      .from(teams)
      .where(inAccount(scope, teams, inArray(teams.id, teamIds)));
    if (found.length !== new Set(teamIds).size) throw notFound('Team');
  },
  async setTeamsOf(db, scope, userId, teamIds) {
    await db.delete(teamMembers).where(inAccount(scope, teamMembers, eq(teamMembers.userId, userId)));
    const unique = [...new Set(teamIds)];
    if (unique.length)
      await db
        .insert(teamMembers)
        .values(unique.map((teamId) => ({ accountId: scope.accountId, teamId, userId })));
  },
  teamNamesSql: (accountId: PgColumn, userId: PgColumn) =>
    sql<
      string[]
    >`array(select t.name from ${teamMembers} m join ${teams} t on t.account_id = m.account_id and t.id = m.team_id where m.account_id = ${accountId} and m.user_id = ${userId} order by t.name)`,
};
