import { asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Deps } from '../../deps.ts';
import type { ActivityBody } from './fields.ts';
import { assertRecordVisible } from './record-access.ts';
import { reload } from './activity-view.ts';
import { assertNoOverlap } from './overlap.ts';
import { loadViewer } from './visibility.ts';
import { agents } from '../agents/schema.ts';
import { individuals } from '../individuals/schema.ts';
import { salesRecords } from '../sales-records/schema.ts';
import { teams } from '../teams/schema.ts';
import { users } from '../users/schema.ts';
import { authorize, type AccountScope, type Actor } from '../access/index.ts';
import { recordAudit, recordOf } from '../audit/index.ts';
import { activityShapeProblems, appointmentProblems, type ActivityShape } from './rules.ts';
import { activities, activityStatuses, activityTypes, type ActivitySource } from './schema.ts';

export type ActivityRow = typeof activities.$inferSelect;
type TypeRow = typeof activityTypes.$inferSelect;
type StatusRow = typeof activityStatuses.$inferSelect;

/** What a new activity is made of. Omitted optional fields are empty; `statusId` defaults to the first open status. */
export type CreateActivityInput = {
  activityTypeId: string;
  statusId?: string | null | undefined;
  subject: string;
  ownerUserId?: string | null | undefined;
  ownerTeamId?: string | null | undefined;
  startsAt?: Date | null | undefined;
  endsAt?: Date | null | undefined;
  dueAt?: Date | null | undefined;
  allDay?: boolean | undefined;
  salesRecordId?: string | null | undefined;
  individualId?: string | null | undefined;
  agentId?: string | null | undefined;
  notes?: string | undefined;
  details?: Record<string, unknown> | undefined;
  source?: ActivitySource | undefined;
  scheduleId?: string | null | undefined;
};

/** Which references a change touches: only those are re-checked (a deactivated type may stay). */
export type RefsToCheck = {
  type: boolean;
  status: boolean;
  ownerUser: boolean;
  ownerTeam: boolean;
  record: boolean;
};
const ALL_REFS: RefsToCheck = { type: true, status: true, ownerUser: true, ownerTeam: true, record: true };

export type CheckedRefs = { type: TypeRow; status: StatusRow };

/**
 * The shape rules plus every reference, checked inside the account: the type and status exist
 * (and are active, when newly chosen), the owner user is active, the team exists, the record
 * exists. Throws one 400 listing every problem. No authorization: callers authorize.
 */
export async function checkActivity(
  tx: DbOrTx,
  scope: AccountScope,
  a: ActivityShape & { activityTypeId: string; statusId: string | null },
  refs: RefsToCheck = ALL_REFS,
): Promise<CheckedRefs> {
  const problems: FieldProblem[] = activityShapeProblems(a);
  const p = (path: string, message: string) => problems.push({ path, message });

  const [type] = await tx
    .select()
    .from(activityTypes)
    .where(inAccount(scope, activityTypes, eq(activityTypes.id, a.activityTypeId)));
  if (!type) p('activityTypeId', 'No such activity type.');
  else if (refs.type && !type.active) p('activityTypeId', 'This activity type is deactivated.');
  if (type?.category === 'appointment') problems.push(...appointmentProblems(a));

  let status: StatusRow | undefined;
  if (a.statusId === null) {
    [status] = await tx
      .select()
      .from(activityStatuses)
      .where(
        inAccount(
          scope,
          activityStatuses,
          eq(activityStatuses.isClosed, false),
          eq(activityStatuses.active, true),
        ),
      )
      .orderBy(asc(activityStatuses.sortOrder), asc(activityStatuses.name))
      .limit(1);
    if (!status) p('statusId', 'Required: the account has no open activity status to default to.');
  } else {
    [status] = await tx
      .select()
      .from(activityStatuses)
      .where(inAccount(scope, activityStatuses, eq(activityStatuses.id, a.statusId)));
    if (!status) p('statusId', 'No such activity status.');
    else if (refs.status && !status.active) p('statusId', 'This activity status is deactivated.');
  }

  if (refs.ownerUser && a.ownerUserId !== null) {
    const [u] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        inAccount(scope, users, eq(users.id, a.ownerUserId), eq(users.active, true), isNull(users.deletedAt)),
      );
    if (!u) p('ownerUserId', 'No such active user.');
  }
  if (refs.ownerTeam && a.ownerTeamId !== null) {
    const [t] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(inAccount(scope, teams, eq(teams.id, a.ownerTeamId)));
    if (!t) p('ownerTeamId', 'No such team.');
  }
  if (refs.record) {
    if (a.salesRecordId !== null) {
      const [r] = await tx
        .select({ id: salesRecords.id })
        .from(salesRecords)
        .where(
          inAccount(
            scope,
            salesRecords,
            eq(salesRecords.id, a.salesRecordId),
            isNull(salesRecords.deletedAt),
          ),
        );
      if (!r) p('salesRecordId', 'No such Sales Record.');
    }
    if (a.individualId !== null) {
      const [r] = await tx
        .select({ id: individuals.id })
        .from(individuals)
        .where(inAccount(scope, individuals, eq(individuals.id, a.individualId)));
      if (!r) p('individualId', 'No such Individual Record.');
    }
    if (a.agentId !== null) {
      const [r] = await tx
        .select({ id: agents.id })
        .from(agents)
        .where(inAccount(scope, agents, eq(agents.id, a.agentId)));
      if (!r) p('agentId', 'No such Agent Record.');
    }
  }
  if (problems.length || !type || !status)
    throw new AppError('validation', 'The activity has invalid fields.', { errors: problems });
  return { type, status };
}

export function shapeOf(input: CreateActivityInput): ActivityShape & {
  activityTypeId: string;
  statusId: string | null;
} {
  return {
    activityTypeId: input.activityTypeId,
    statusId: input.statusId ?? null,
    subject: input.subject,
    ownerUserId: input.ownerUserId ?? null,
    ownerTeamId: input.ownerTeamId ?? null,
    startsAt: input.startsAt ?? null,
    endsAt: input.endsAt ?? null,
    dueAt: input.dueAt ?? null,
    salesRecordId: input.salesRecordId ?? null,
    individualId: input.individualId ?? null,
    agentId: input.agentId ?? null,
    notes: input.notes ?? '',
    details: input.details ?? {},
  };
}

/**
 * Insert one activity, validated (every problem listed in one 400) but not authorized — the caller
 * decides who may create it (the activities API, the Appointment Scheduler's public booking).
 * An activity created in a closed status is completed at once. With `overlap`, a time shared with
 * another activity of the same owner is refused unless confirmed. Returns the inserted row.
 */
export async function createActivityInTx(
  tx: DbOrTx,
  scope: AccountScope,
  input: CreateActivityInput,
  by: { userId: string | null },
  opts: { overlap?: { confirmed: boolean } } = {},
): Promise<ActivityRow> {
  const shape = shapeOf(input);
  const { status } = await checkActivity(tx, scope, shape);
  if (opts.overlap) await assertNoOverlap(tx, scope, shape, opts.overlap.confirmed);
  const now = new Date();
  const [row] = await tx
    .insert(activities)
    .values({
      ...shape,
      subject: shape.subject.trim(),
      statusId: status.id,
      accountId: scope.accountId,
      id: newId(),
      allDay: input.allDay ?? false,
      source: input.source ?? 'manual',
      scheduleId: input.scheduleId ?? null,
      completedAt: status.isClosed ? now : null,
      completedByUserId: status.isClosed ? by.userId : null,
      createdByUserId: by.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

const toDate = (s: string | null | undefined): Date | null | undefined =>
  s === undefined ? undefined : s === null ? null : new Date(s);

/** API times (ISO strings) to the dates the domain works with. */
export function datesOf<
  T extends { startsAt?: string | null; endsAt?: string | null; dueAt?: string | null },
>(body: T) {
  return { startsAt: toDate(body.startsAt), endsAt: toDate(body.endsAt), dueAt: toDate(body.dueAt) };
}

/**
 * Create an activity through the API: on a record the actor can view (404 otherwise); owned by the
 * given user or team, or by the actor when no owner is given. Audited in the same transaction.
 */
export async function createActivity(deps: Pick<Deps, 'db'>, opts: { actor: Actor; input: ActivityBody }) {
  const { actor, input } = opts;
  authorize(actor, 'activity.use');
  const noOwner = input.ownerUserId === undefined && input.ownerTeamId === undefined;
  return deps.db.transaction(async (tx) => {
    await assertRecordVisible(tx, actor, input);
    const { confirmOverlap, ...fields } = input;
    const ownerUserId = noOwner && actor.kind === 'user' ? actor.userId : (input.ownerUserId ?? null);
    const row = await createActivityInTx(
      tx,
      actor,
      { ...fields, ...datesOf(input), ownerUserId, source: 'manual' },
      { userId: actor.kind === 'user' ? actor.userId : null },
      { overlap: { confirmed: confirmOverlap === true } },
    );
    await recordAudit(tx, actor, {
      type: 'activity.created',
      subjectType: 'activity',
      subjectId: row.id,
      data: {
        subject: row.subject,
        activityTypeId: row.activityTypeId,
        statusId: row.statusId,
        ownerUserId: row.ownerUserId,
        ownerTeamId: row.ownerTeamId,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        dueAt: row.dueAt,
        salesRecordId: row.salesRecordId,
        individualId: row.individualId,
        agentId: row.agentId,
      },
      record: recordOf(row),
    });
    return reload(tx, actor, await loadViewer(tx, actor), row.id);
  });
}
