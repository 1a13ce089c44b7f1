import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldProblem, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { randomToken } from '../../lib/tokens.ts';
import { activityStatuses, activityTypes } from '../activities/schema.ts';
import { users } from '../users/schema.ts';
import { authorize, type AccountScope, type Actor } from '../access/index.ts';
import { diff, recordAudit } from '../audit/index.ts';
import type { ScheduleInput, SchedulePatch } from './schedule-input.ts';
import { appointmentSchedules, appointmentScheduleUsers, type BookingForm, scheduleSlugs } from './schema.ts';

export type ScheduleRow = typeof appointmentSchedules.$inferSelect;
type FormInput = {
  phoneRequired: boolean;
  questions: (Omit<BookingForm['questions'][number], 'id'> & { id?: string | undefined })[];
};

const TASK = 'scheduler.settings.manage';

export const publicUrlOf = (baseUrl: string, slug: string) => `${baseUrl}/book/${slug}`;

/** The ordered user ids of schedules, by schedule id. */
export async function userIdsOf(tx: DbOrTx, scope: AccountScope, scheduleIds: string[]) {
  const out = new Map<string, string[]>(scheduleIds.map((id) => [id, []]));
  if (scheduleIds.length === 0) return out;
  const rows = await tx
    .select({ scheduleId: appointmentScheduleUsers.scheduleId, userId: appointmentScheduleUsers.userId })
    .from(appointmentScheduleUsers)
    .where(
      inAccount(scope, appointmentScheduleUsers, inArray(appointmentScheduleUsers.scheduleId, scheduleIds)),
    )
    .orderBy(asc(appointmentScheduleUsers.position));
  for (const r of rows) out.get(r.scheduleId)!.push(r.userId);
  return out;
}

const view = (deps: Pick<Deps, 'config'>, row: ScheduleRow, userIds: string[]) => {
  const { accountId: _a, ...rest } = row;
  return { ...rest, userIds, publicUrl: publicUrlOf(deps.config.baseUrl, row.slug) };
};
export type ScheduleView = ReturnType<typeof view>;

async function loadSchedule(tx: DbOrTx, scope: AccountScope, id: string, forUpdate = false) {
  const q = tx
    .select()
    .from(appointmentSchedules)
    .where(inAccount(scope, appointmentSchedules, eq(appointmentSchedules.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('Schedule');
  return row;
}

/** Questions keep their ids across edits (answers refer to them); new ones get one. */
const withQuestionIds = (form: FormInput): BookingForm => ({
  phoneRequired: form.phoneRequired,
  questions: form.questions.map((q) => ({ ...q, id: q.id ?? `q${randomToken(6)}` })),
});

/**
 * References of a schedule, all problems at once: the Activity Type and Status are the account's
 * (404 otherwise), active, and the status is an open one; every user of the list is an active user
 * of the account; a personal schedule's owner has no other personal schedule.
 */
async function checkRefs(
  tx: DbOrTx,
  scope: AccountScope,
  s: { activityTypeId: string; activityStatusId: string; userIds: string[]; ownerUserId: string | null },
  exceptId?: string,
) {
  const problems: FieldProblem[] = [];
  const [type] = await tx
    .select()
    .from(activityTypes)
    .where(inAccount(scope, activityTypes, eq(activityTypes.id, s.activityTypeId)));
  if (!type) throw notFound('Activity type');
  if (!type.active) problems.push({ path: 'activityTypeId', message: 'This activity type is deactivated.' });
  const [status] = await tx
    .select()
    .from(activityStatuses)
    .where(inAccount(scope, activityStatuses, eq(activityStatuses.id, s.activityStatusId)));
  if (!status) throw notFound('Activity status');
  if (!status.active || status.isClosed)
    problems.push({
      path: 'activityStatusId',
      message: 'Choose an active, open status (such as Scheduled).',
    });
  const found = await tx
    .select({ id: users.id, active: users.active })
    .from(users)
    .where(inAccount(scope, users, inArray(users.id, s.userIds), isNull(users.deletedAt)));
  if (found.length !== s.userIds.length) throw notFound('User');
  s.userIds.forEach((id, i) => {
    if (!found.find((u) => u.id === id)!.active)
      problems.push({ path: `userIds.${i}`, message: 'This user is suspended.' });
  });
  if (s.ownerUserId) {
    if (s.userIds.length !== 1 || s.userIds[0] !== s.ownerUserId)
      problems.push({ path: 'userIds', message: 'A personal schedule’s user list is its owner.' });
    const [other] = await tx
      .select({ id: appointmentSchedules.id })
      .from(appointmentSchedules)
      .where(inAccount(scope, appointmentSchedules, eq(appointmentSchedules.ownerUserId, s.ownerUserId)));
    if (other && other.id !== exceptId)
      throw new AppError('conflict', 'This user already has a personal schedule.', {
        errors: [{ path: 'ownerUserId', message: 'Already has a personal schedule.' }],
      });
  }
  if (problems.length)
    throw new AppError('validation', 'The schedule has invalid fields.', { errors: problems });
}

/** Claim a public slug for the installation (the booking URL has no account in it). */
async function claimSlug(tx: DbOrTx, scope: AccountScope, scheduleId: string, slug: string) {
  const claimed = await tx
    .insert(scheduleSlugs)
    .values({ slug, accountId: scope.accountId, scheduleId })
    .onConflictDoNothing()
    .returning({ slug: scheduleSlugs.slug });
  if (claimed.length === 0)
    throw new AppError('conflict', 'This public link is taken. Choose another.', {
      errors: [{ path: 'slug', message: 'Already taken.' }],
    });
}

async function setUsers(tx: DbOrTx, scope: AccountScope, scheduleId: string, userIds: string[]) {
  await tx
    .delete(appointmentScheduleUsers)
    .where(inAccount(scope, appointmentScheduleUsers, eq(appointmentScheduleUsers.scheduleId, scheduleId)));
  await tx
    .insert(appointmentScheduleUsers)
    .values(
      userIds.map((userId, position) => ({ accountId: scope.accountId, scheduleId, userId, position })),
    );
}

export async function listSchedules(deps: Deps, opts: { actor: Actor }) {
  authorize(opts.actor, TASK);
  const rows = await deps.db
    .select()
    .from(appointmentSchedules)
    .where(inAccount(opts.actor, appointmentSchedules))
    .orderBy(asc(appointmentSchedules.name), asc(appointmentSchedules.id));
  const lists = await userIdsOf(
    deps.db,
    opts.actor,
    rows.map((r) => r.id),
  );
  return rows.map((r) => view(deps, r, lists.get(r.id)!));
}

export async function getSchedule(deps: Deps, opts: { actor: Actor; id: string }) {
  authorize(opts.actor, TASK);
  const row = await loadSchedule(deps.db, opts.actor, opts.id);
  return view(deps, row, (await userIdsOf(deps.db, opts.actor, [row.id])).get(row.id)!);
}

export async function createSchedule(deps: Deps, opts: { actor: Actor; input: ScheduleInput }) {
  const { actor, input } = opts;
  authorize(actor, TASK);
  const id = newId();
  const userIds = input.userIds ?? (input.ownerUserId ? [input.ownerUserId] : []);
  if (userIds.length === 0)
    throw new AppError('validation', 'The schedule has invalid fields.', {
      errors: [{ path: 'userIds', message: 'At least one user.' }],
    });
  await deps.db.transaction(async (tx) => {
    await checkRefs(tx, actor, { ...input, userIds });
    const { userIds: _u, form, ...fields } = input;
    await tx.insert(appointmentSchedules).values({
      ...fields,
      form: withQuestionIds(form),
      accountId: actor.accountId,
      id,
    });
    await claimSlug(tx, actor, id, input.slug);
    await setUsers(tx, actor, id, userIds);
    await recordAudit(tx, actor, {
      type: 'appointment_schedule.created',
      subjectType: 'appointment_schedule',
      subjectId: id,
      data: { name: input.name, slug: input.slug, userIds },
    });
  });
  return getSchedule(deps, { actor, id });
}

export async function updateSchedule(deps: Deps, opts: { actor: Actor; id: string; patch: SchedulePatch }) {
  const { actor, id, patch } = opts;
  authorize(actor, TASK);
  await deps.db.transaction(async (tx) => {
    const before = await loadSchedule(tx, actor, id, true);
    const beforeUsers = (await userIdsOf(tx, actor, [id])).get(id)!;
    const userIds = patch.userIds ?? beforeUsers;
    const { userIds: _u, form, ...fields } = patch;
    const next = { ...fields, ...(form ? { form: withQuestionIds(form) } : {}) };
    await checkRefs(
      tx,
      actor,
      {
        activityTypeId: next.activityTypeId ?? before.activityTypeId,
        activityStatusId: next.activityStatusId ?? before.activityStatusId,
        userIds,
        ownerUserId: before.ownerUserId,
      },
      id,
    );
    const changes = diff(before as unknown as Record<string, unknown>, next);
    if (patch.userIds && JSON.stringify(patch.userIds) !== JSON.stringify(beforeUsers))
      changes.userIds = { from: beforeUsers, to: patch.userIds };
    if (Object.keys(changes).length === 0) return;
    if (next.slug && next.slug !== before.slug) {
      await tx
        .delete(scheduleSlugs)
        .where(and(eq(scheduleSlugs.accountId, actor.accountId), eq(scheduleSlugs.scheduleId, id)));
      await claimSlug(tx, actor, id, next.slug);
    }
    await tx
      .update(appointmentSchedules)
      .set({ ...next, updatedAt: new Date() })
      .where(inAccount(actor, appointmentSchedules, eq(appointmentSchedules.id, id)));
    if (changes.userIds) await setUsers(tx, actor, id, userIds);
    await recordAudit(tx, actor, {
      type: 'appointment_schedule.updated',
      subjectType: 'appointment_schedule',
      subjectId: id,
      data: { changes },
    });
  });
  return getSchedule(deps, { actor, id });
}

/** Delete a schedule: its link stops working; appointments already booked stay on the calendar. */
export async function deleteSchedule(deps: Deps, opts: { actor: Actor; id: string }) {
  authorize(opts.actor, TASK);
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(appointmentSchedules)
      .where(inAccount(opts.actor, appointmentSchedules, eq(appointmentSchedules.id, opts.id)))
      .returning({ name: appointmentSchedules.name, slug: appointmentSchedules.slug });
    if (!row) throw notFound('Schedule');
    await recordAudit(tx, opts.actor, {
      type: 'appointment_schedule.deleted',
      subjectType: 'appointment_schedule',
      subjectId: opts.id,
      data: row,
    });
  });
}
