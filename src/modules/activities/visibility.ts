import { and, eq, exists, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import { individuals } from '../individuals/schema.ts';
import { salesRecords } from '../sales-records/schema.ts';
import { teamMembers } from '../teams/schema.ts';
import { userActivityVisibility, users } from '../users/schema.ts';
import { can, isRestrictedToAccessibleAgents, type Actor } from '../access/index.ts';
import { individualScope } from '../individuals/index.ts';
import { salesRecordScope } from '../sales-records/index.ts';
import { activities } from './schema.ts';

/**
 * Whose activities a signed-in user sees besides those of records they can view (decision 009):
 * their own, their teams', and — when "View Other Users' Activities" is on — the chosen users'.
 * `null` for API keys and the operator, who act for the whole account.
 */
export type ActivityViewer = {
  userId: string;
  teamIds: readonly string[];
  grantedUserIds: readonly string[];
} | null;

export async function loadViewer(tx: DbOrTx, actor: Actor): Promise<ActivityViewer> {
  if (actor.kind !== 'user') return null;
  const [teams, me, granted] = await Promise.all([
    tx
      .select({ id: teamMembers.teamId })
      .from(teamMembers)
      .where(inAccount(actor, teamMembers, eq(teamMembers.userId, actor.userId))),
    tx
      .select({ on: users.viewOtherUsersActivities })
      .from(users)
      .where(inAccount(actor, users, eq(users.id, actor.userId))),
    tx
      .select({ id: userActivityVisibility.visibleUserId })
      .from(userActivityVisibility)
      .where(inAccount(actor, userActivityVisibility, eq(userActivityVisibility.userId, actor.userId))),
  ]);
  return {
    userId: actor.userId,
    teamIds: teams.map((t) => t.id),
    grantedUserIds: me[0]?.on ? granted.map((g) => g.id).filter((id) => id !== actor.userId) : [],
  };
}

type Ownership = {
  ownerUserId: string | null;
  ownerTeamId: string | null;
  createdByUserId: string | null;
};

/** Owned by the user or one of their teams, or created by them: they see it and may change it. */
export function isOwnActivity(v: ActivityViewer, a: Ownership): boolean {
  if (v === null) return true;
  return (
    a.ownerUserId === v.userId ||
    a.createdByUserId === v.userId ||
    (a.ownerTeamId !== null && v.teamIds.includes(a.ownerTeamId))
  );
}

/**
 * May the viewer see this activity without looking at its record? Own, team, created, or a
 * granted user's. (Activities of records the viewer can view are visible too: `activityScope`.)
 */
export function seesByOwner(v: ActivityViewer, a: Ownership): boolean {
  return (
    isOwnActivity(v, a) || (v !== null && a.ownerUserId !== null && v.grantedUserIds.includes(a.ownerUserId))
  );
}

const anyOf = (col: typeof activities.ownerUserId | typeof activities.ownerTeamId, ids: readonly string[]) =>
  ids.length ? inArray(col, [...ids]) : undefined;

/** The activities an actor may change, as SQL (the twin of `isOwnActivity`). */
export function ownActivityScope(v: ActivityViewer): SQL | undefined {
  if (v === null) return undefined;
  return or(
    eq(activities.ownerUserId, v.userId),
    eq(activities.createdByUserId, v.userId),
    anyOf(activities.ownerTeamId, v.teamIds),
  );
}

/**
 * The activities an actor may see, as SQL: `seesByOwner`, or the activity's record is one the
 * actor can view — the same scopes the record lists use (Record Type Access, Record Access,
 * Accessible Agents), so "see the record" and "see its activities" cannot drift apart.
 */
export function activityScope(actor: Actor, v: ActivityViewer): SQL | undefined {
  if (actor.kind !== 'user' || v === null) return notOnDeletedRecord();
  return and(notOnDeletedRecord(), byOwnerOrRecord(actor, v));
}

/**
 * Activities of a deleted Sales Record are out of sight for everyone — lists, calendar, dashboard,
 * calendar feed — while the record waits in the recovery bin, and back when it is restored. (Its
 * appointments still block their time on booking pages: the meeting may well still happen.)
 */
export function notOnDeletedRecord(): SQL {
  return sql`not exists (select 1 from ${salesRecords} where ${and(
    eq(salesRecords.accountId, activities.accountId),
    eq(salesRecords.id, activities.salesRecordId),
    isNotNull(salesRecords.deletedAt),
  )})`;
}

function byOwnerOrRecord(actor: Actor & { kind: 'user' }, v: NonNullable<ActivityViewer>): SQL | undefined {
  const p = actor.profile;
  const byRecord: (SQL | undefined)[] = [];
  if (can(p, 'sales_record.view').allowed) {
    byRecord.push(
      exists(
        sql`(select 1 from ${salesRecords} where ${and(
          eq(salesRecords.accountId, activities.accountId),
          eq(salesRecords.id, activities.salesRecordId),
          isNull(salesRecords.deletedAt),
          salesRecordScope(actor),
        )})`,
      ),
    );
  }
  if (can(p, 'individual.view').allowed) {
    const scope = individualScope(actor);
    byRecord.push(
      scope === undefined
        ? isNotNull(activities.individualId)
        : exists(
            sql`(select 1 from ${individuals} where ${and(
              eq(individuals.accountId, activities.accountId),
              eq(individuals.id, activities.individualId),
              scope,
            )})`,
          ),
    );
  }
  if (can(p, 'agent.view').allowed) {
    const ids = [...p.accessibleAgentIds];
    byRecord.push(
      isRestrictedToAccessibleAgents(p)
        ? ids.length
          ? inArray(activities.agentId, ids)
          : undefined
        : isNotNull(activities.agentId),
    );
  }
  return or(ownActivityScope(v), anyOf(activities.ownerUserId, v.grantedUserIds), ...byRecord);
}

/** Agent visibility for one record (there is no Agent Record page scope elsewhere yet). */
export function canViewAgent(actor: Actor, agentId: string): boolean {
  if (actor.kind !== 'user') return true;
  return can(actor.profile, 'agent.view', { record: { kind: 'agent', agentId } }).allowed;
}
