import { and, asc, eq, isNull } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { teams } from '../teams/schema.ts';
import { users } from '../users/schema.ts';
import { authorize, type Actor } from '../access/index.ts';
import { loadViewer } from './visibility.ts';

/**
 * Who can own an activity (every active user and every team of the account), and whose
 * activities the actor may look at by owner (themselves, their teams, the users granted to them:
 * the calendar's owner filter). API keys may look at everyone's.
 */
export async function listActivityOwners(deps: Pick<Deps, 'db'>, opts: { actor: Actor }) {
  const { actor } = opts;
  authorize(actor, 'activity.use');
  const viewer = await loadViewer(deps.db, actor);
  const [userRows, teamRows] = await Promise.all([
    deps.db
      .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
      .from(users)
      .where(inAccount(actor, users, and(eq(users.active, true), isNull(users.deletedAt))))
      .orderBy(asc(users.lastName), asc(users.firstName)),
    deps.db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(inAccount(actor, teams))
      .orderBy(asc(teams.name)),
  ]);
  const seeUser = (id: string) =>
    viewer === null || id === viewer.userId || viewer.grantedUserIds.includes(id);
  const seeTeam = (id: string) => viewer === null || viewer.teamIds.includes(id);
  return {
    users: userRows.map((u) => ({ ...u, viewable: seeUser(u.id) })),
    teams: teamRows.map((t) => ({ ...t, viewable: seeTeam(t.id) })),
  };
}
