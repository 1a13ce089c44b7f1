import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound, type FieldProblem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { authorize, type AccountScope, type Actor } from '../access/index.ts';
import { diff, recordAudit } from '../audit/index.ts';
import type {
  ActivityStatusBody,
  ActivityStatusPatch,
  ActivityTypeBody,
  ActivityTypePatch,
} from './fields.ts';
import { activityStatuses, activityTypes } from './schema.ts';

/**
 * Activity Types and Activity Statuses, the account's settings page (Administrative › Manage
 * Users). Putting a type in or out of the Appointment category is its own task,
 * `activity_types.manage`; everything else is `activity_settings.manage`. Every user reads them
 * (the activity forms need them).
 */
type Table = typeof activityTypes | typeof activityStatuses;

async function assertNameFree(
  tx: DbOrTx,
  scope: AccountScope,
  table: Table,
  name: string,
  exceptId?: string,
) {
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .where(inAccount(scope, table, sql`lower(${table.name}) = lower(${name})`));
  if (rows.some((r) => r.id !== exceptId))
    throw new AppError('conflict', 'This name is already used.', {
      errors: [{ path: 'name', message: 'Already used.' }],
    });
}

async function nextSortOrder(tx: DbOrTx, scope: AccountScope, table: Table): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`coalesce(max(${table.sortOrder}), -1) + 1` })
    .from(table)
    .where(inAccount(scope, table));
  return Number(r?.n ?? 0);
}

/** Serialise changes to one account's settings, so the "keep at least one …" rules hold under concurrency. */
const lockSettings = (tx: DbOrTx, scope: AccountScope) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`activity-settings:${scope.accountId}`}))`);

// ---- Activity Types ----

export async function listActivityTypes(deps: Pick<Deps, 'db'>, opts: { actor: Actor }) {
  authorize(opts.actor, 'activity.use');
  const rows = await deps.db
    .select()
    .from(activityTypes)
    .where(inAccount(opts.actor, activityTypes))
    .orderBy(asc(activityTypes.sortOrder), asc(activityTypes.name));
  return rows.map(({ accountId: _a, ...r }) => r);
}

async function getType(tx: DbOrTx, scope: AccountScope, id: string, forUpdate = false) {
  const q = tx
    .select()
    .from(activityTypes)
    .where(inAccount(scope, activityTypes, eq(activityTypes.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('Activity type');
  return row;
}

export async function createActivityType(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; input: z.infer<typeof ActivityTypeBody> },
) {
  const { actor, input } = opts;
  authorize(actor, 'activity_settings.manage');
  if (input.category !== null) authorize(actor, 'activity_types.manage');
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await lockSettings(tx, actor);
    await assertNameFree(tx, actor, activityTypes, input.name);
    await tx.insert(activityTypes).values({
      accountId: actor.accountId,
      id,
      name: input.name,
      category: input.category,
      color: input.color,
      sortOrder: await nextSortOrder(tx, actor, activityTypes),
    });
    await recordAudit(tx, actor, {
      type: 'activity_type.created',
      subjectType: 'activity_type',
      subjectId: id,
      data: { name: input.name, category: input.category },
    });
  });
  const { accountId: _a, ...row } = await getType(deps.db, actor, id);
  return row;
}

export async function updateActivityType(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; id: string; patch: z.infer<typeof ActivityTypePatch> },
) {
  const { actor, id, patch } = opts;
  authorize(actor, 'activity_settings.manage');
  await deps.db.transaction(async (tx) => {
    await lockSettings(tx, actor);
    const before = await getType(tx, actor, id, true);
    if (patch.category !== undefined && patch.category !== before.category)
      authorize(actor, 'activity_types.manage');
    if (patch.name !== undefined) await assertNameFree(tx, actor, activityTypes, patch.name, id);
    if (patch.active === false && before.active) {
      const [r] = await tx
        .select({ n: sql<number>`count(*)` })
        .from(activityTypes)
        .where(inAccount(actor, activityTypes, eq(activityTypes.active, true)));
      if (Number(r!.n) <= 1) throw new AppError('rule_violation', 'Keep at least one active activity type.');
    }
    const changes = diff(before as Record<string, unknown>, patch);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(activityTypes)
      .set({ ...patch, updatedAt: new Date() })
      .where(inAccount(actor, activityTypes, eq(activityTypes.id, id)));
    await recordAudit(tx, actor, {
      type: 'activity_type.updated',
      subjectType: 'activity_type',
      subjectId: id,
      data: { changes },
    });
  });
  const { accountId: _a, ...row } = await getType(deps.db, actor, id);
  return row;
}

/** The new order of all of the account's types (or statuses): every id exactly once. */
async function reorder(tx: DbOrTx, actor: Actor, table: Table, ids: string[]): Promise<void> {
  const rows = await tx.select({ id: table.id }).from(table).where(inAccount(actor, table));
  const have = new Set(rows.map((r) => r.id));
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (!have.has(id)) problems.push({ path: `ids.${i}`, message: 'Not one of this account’s entries.' });
    else if (seen.has(id)) problems.push({ path: `ids.${i}`, message: 'Listed twice.' });
    seen.add(id);
  });
  const missing = [...have].filter((id) => !seen.has(id));
  if (missing.length)
    problems.push({ path: 'ids', message: `Missing ${missing.length} of the entries: list every one.` });
  if (problems.length) throw new AppError('validation', 'The order is not valid.', { errors: problems });
  for (const [i, id] of ids.entries())
    await tx
      .update(table)
      .set({ sortOrder: i })
      .where(inAccount(actor, table, eq(table.id, id)));
}

export async function reorderActivityTypes(deps: Pick<Deps, 'db'>, opts: { actor: Actor; ids: string[] }) {
  authorize(opts.actor, 'activity_settings.manage');
  await deps.db.transaction(async (tx) => {
    await lockSettings(tx, opts.actor);
    await reorder(tx, opts.actor, activityTypes, opts.ids);
    await recordAudit(tx, opts.actor, {
      type: 'activity_type.reordered',
      subjectType: 'activity_type',
      subjectId: opts.ids[0]!,
      data: { ids: opts.ids },
    });
  });
  return listActivityTypes(deps, opts);
}

// ---- Activity Statuses ----

export async function listActivityStatuses(deps: Pick<Deps, 'db'>, opts: { actor: Actor }) {
  authorize(opts.actor, 'activity.use');
  const rows = await deps.db
    .select()
    .from(activityStatuses)
    .where(inAccount(opts.actor, activityStatuses))
    .orderBy(asc(activityStatuses.sortOrder), asc(activityStatuses.name));
  return rows.map(({ accountId: _a, ...r }) => r);
}

async function getStatus(tx: DbOrTx, scope: AccountScope, id: string, forUpdate = false) {
  const q = tx
    .select()
    .from(activityStatuses)
    .where(inAccount(scope, activityStatuses, eq(activityStatuses.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('Activity status');
  return row;
}

const cancelledMustBeClosed = (s: { isClosed: boolean; isCancelled: boolean }) => {
  if (s.isCancelled && !s.isClosed)
    throw new AppError('validation', 'A cancelling status is a closed one.', {
      errors: [{ path: 'isClosed', message: 'Must be true when isCancelled is true.' }],
    });
};

/**
 * An account keeps an active open status (new activities default to it) and an active closed one
 * that is not a cancellation ("Complete" uses it): checked after a change, inside its transaction.
 */
async function assertStatusesUsable(tx: DbOrTx, scope: AccountScope): Promise<void> {
  const rows = await tx
    .select()
    .from(activityStatuses)
    .where(inAccount(scope, activityStatuses, eq(activityStatuses.active, true)));
  if (!rows.some((s) => !s.isClosed))
    throw new AppError('rule_violation', 'Keep at least one active open status: new activities start in it.');
  if (!rows.some((s) => s.isClosed && !s.isCancelled))
    throw new AppError(
      'rule_violation',
      'Keep at least one active closed status that is not a cancellation: completing an activity uses it.',
    );
}

export async function createActivityStatus(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; input: z.infer<typeof ActivityStatusBody> },
) {
  const { actor, input } = opts;
  authorize(actor, 'activity_settings.manage');
  cancelledMustBeClosed(input);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await lockSettings(tx, actor);
    await assertNameFree(tx, actor, activityStatuses, input.name);
    await tx.insert(activityStatuses).values({
      accountId: actor.accountId,
      id,
      ...input,
      sortOrder: await nextSortOrder(tx, actor, activityStatuses),
    });
    await recordAudit(tx, actor, {
      type: 'activity_status.created',
      subjectType: 'activity_status',
      subjectId: id,
      data: { ...input },
    });
  });
  const { accountId: _a, ...row } = await getStatus(deps.db, actor, id);
  return row;
}

export async function updateActivityStatus(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; id: string; patch: z.infer<typeof ActivityStatusPatch> },
) {
  const { actor, id, patch } = opts;
  authorize(actor, 'activity_settings.manage');
  await deps.db.transaction(async (tx) => {
    await lockSettings(tx, actor);
    const before = await getStatus(tx, actor, id, true);
    cancelledMustBeClosed({
      isClosed: patch.isClosed ?? before.isClosed,
      isCancelled: patch.isCancelled ?? before.isCancelled,
    });
    if (patch.name !== undefined) await assertNameFree(tx, actor, activityStatuses, patch.name, id);
    const changes = diff(before as Record<string, unknown>, patch);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(activityStatuses)
      .set({ ...patch, updatedAt: new Date() })
      .where(inAccount(actor, activityStatuses, eq(activityStatuses.id, id)));
    await assertStatusesUsable(tx, actor);
    await recordAudit(tx, actor, {
      type: 'activity_status.updated',
      subjectType: 'activity_status',
      subjectId: id,
      data: { changes },
    });
  });
  const { accountId: _a, ...row } = await getStatus(deps.db, actor, id);
  return row;
}

export async function reorderActivityStatuses(deps: Pick<Deps, 'db'>, opts: { actor: Actor; ids: string[] }) {
  authorize(opts.actor, 'activity_settings.manage');
  await deps.db.transaction(async (tx) => {
    await lockSettings(tx, opts.actor);
    await reorder(tx, opts.actor, activityStatuses, opts.ids);
    await recordAudit(tx, opts.actor, {
      type: 'activity_status.reordered',
      subjectType: 'activity_status',
      subjectId: opts.ids[0]!,
      data: { ids: opts.ids },
    });
  });
  return listActivityStatuses(deps, opts);
}
