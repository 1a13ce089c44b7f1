import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import { notFound } from '../../lib/errors.ts';
import { agents } from '../agents/schema.ts';
import { individuals } from '../individuals/schema.ts';
import { salesRecords } from '../sales-records/schema.ts';
import { teams } from '../teams/schema.ts';
import { users } from '../users/schema.ts';
import type { Actor } from '../access/index.ts';
import { activities, activityStatuses, activityTypes } from './schema.ts';
import { activityScope, isOwnActivity, type ActivityViewer } from './visibility.ts';

const name = (t: { firstName: AnyPgColumn; lastName: AnyPgColumn }) =>
  sql<string | null>`nullif(trim(${t.firstName} || ' ' || ${t.lastName}), '')`;

/** The columns of an activity as the API shows it: names of its type, status, owner and record. */
const columns = {
  id: activities.id,
  activityTypeId: activities.activityTypeId,
  typeName: activityTypes.name,
  typeCategory: activityTypes.category,
  typeColor: activityTypes.color,
  statusId: activities.statusId,
  statusName: activityStatuses.name,
  statusIsClosed: activityStatuses.isClosed,
  statusIsCancelled: activityStatuses.isCancelled,
  subject: activities.subject,
  ownerUserId: activities.ownerUserId,
  ownerUserName: name(users),
  ownerTeamId: activities.ownerTeamId,
  ownerTeamName: teams.name,
  startsAt: activities.startsAt,
  endsAt: activities.endsAt,
  dueAt: activities.dueAt,
  allDay: activities.allDay,
  salesRecordId: activities.salesRecordId,
  salesRecordName: name(salesRecords),
  individualId: activities.individualId,
  individualName: name(individuals),
  agentId: activities.agentId,
  agentName: name(agents),
  notes: activities.notes,
  details: activities.details,
  completedAt: activities.completedAt,
  completedByUserId: activities.completedByUserId,
  source: activities.source,
  scheduleId: activities.scheduleId,
  createdByUserId: activities.createdByUserId,
  createdAt: activities.createdAt,
  updatedAt: activities.updatedAt,
};

const same = (a: { accountId: unknown }, col: unknown, id: unknown) =>
  and(eq(a.accountId as never, activities.accountId), eq(col as never, id as never));

/** A select of activities with every name the view shows; add `.where(...)`. */
export function selectActivities(tx: DbOrTx) {
  return tx
    .select(columns)
    .from(activities)
    .innerJoin(activityTypes, same(activityTypes, activityTypes.id, activities.activityTypeId))
    .innerJoin(activityStatuses, same(activityStatuses, activityStatuses.id, activities.statusId))
    .leftJoin(users, same(users, users.id, activities.ownerUserId))
    .leftJoin(teams, same(teams, teams.id, activities.ownerTeamId))
    .leftJoin(salesRecords, same(salesRecords, salesRecords.id, activities.salesRecordId))
    .leftJoin(individuals, same(individuals, individuals.id, activities.individualId))
    .leftJoin(agents, same(agents, agents.id, activities.agentId));
}

type Joined = Awaited<ReturnType<typeof selectActivities>>[number];
export type ActivityView = ReturnType<typeof toView>;

/** A joined row as the API shows it; `canEdit`: the viewer may change it (decision 009). */
export function toView(r: Joined, viewer: ActivityViewer) {
  const record = r.salesRecordId
    ? { kind: 'sales_record' as const, id: r.salesRecordId, name: r.salesRecordName ?? '' }
    : r.individualId
      ? { kind: 'individual' as const, id: r.individualId, name: r.individualName ?? '' }
      : r.agentId
        ? { kind: 'agent' as const, id: r.agentId, name: r.agentName ?? '' }
        : null;
  return {
    id: r.id,
    activityTypeId: r.activityTypeId,
    activityType: { id: r.activityTypeId, name: r.typeName, category: r.typeCategory, color: r.typeColor },
    statusId: r.statusId,
    status: {
      id: r.statusId,
      name: r.statusName,
      isClosed: r.statusIsClosed,
      isCancelled: r.statusIsCancelled,
    },
    subject: r.subject,
    ownerUserId: r.ownerUserId,
    ownerTeamId: r.ownerTeamId,
    ownerName: r.ownerUserName ?? r.ownerTeamName ?? '',
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    dueAt: r.dueAt,
    allDay: r.allDay,
    salesRecordId: r.salesRecordId,
    individualId: r.individualId,
    agentId: r.agentId,
    record,
    notes: r.notes,
    details: r.details,
    completedAt: r.completedAt,
    completedByUserId: r.completedByUserId,
    source: r.source,
    scheduleId: r.scheduleId,
    createdByUserId: r.createdByUserId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    canEdit: isOwnActivity(viewer, r),
  };
}

/** One activity the actor may see (404 otherwise — another account's, or outside their view). */
export async function loadVisibleActivity(tx: DbOrTx, actor: Actor, viewer: ActivityViewer, id: string) {
  const [row] = await selectActivities(tx).where(
    inAccount(actor, activities, eq(activities.id, id), activityScope(actor, viewer)),
  );
  if (!row) throw notFound('Activity');
  return toView(row, viewer);
}

/**
 * The activity after a change, as the actor now sees it. A change can take it out of their view
 * (moved to another owner): they get this answer anyway — they just made the change — with
 * `canEdit` false, and it is not found afterwards.
 */
export async function reload(tx: DbOrTx, actor: Actor, viewer: ActivityViewer, id: string) {
  const [row] = await selectActivities(tx).where(inAccount(actor, activities, eq(activities.id, id)));
  return toView(row!, viewer);
}
