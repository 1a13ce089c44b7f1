import { assignmentProblems } from './assignment-rule.ts';
import { recordTemperature } from './temperature.ts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertAgentsExist, withAgentNames } from '../agents/index.ts';
import { firstStatusIdOf, recordStatusById } from '../record-types/index.ts';
import { assertActiveUsersExist } from '../users/index.ts';
import { authorize, can, type Actor, type RecordContext } from '../access/index.ts';
import { getAccount, temperaturePeriodsOf } from '../accounts/index.ts';
import { diff, recordAudit } from '../audit/index.ts';
import { checkCustomFields } from '../custom-fields/index.ts';
import type { CreateSalesRecordInput, UpdateSalesRecordInput } from './fields.ts';
import { salesRecords } from './schema.ts';

export type SalesRecordRow = typeof salesRecords.$inferSelect;

export const recordContext = (
  r: Pick<SalesRecordRow, 'recordTypeId' | 'assignedUserId' | 'assignedAgentId'>,
): RecordContext => ({
  kind: 'sales_record',
  recordTypeId: r.recordTypeId,
  assignedUserId: r.assignedUserId,
  assignedAgentId: r.assignedAgentId,
});

/**
 * Load a Sales Record the actor may see. A record outside their scope (Record Access, Record Type
 * Access, Accessible Agents) is "not found", exactly like another account's: lists never show it
 * and a direct read does not reveal it exists (decision 005).
 */
export async function loadVisibleSalesRecord(
  tx: DbOrTx,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SalesRecordRow> {
  authorize(actor, 'sales_record.view');
  const q = tx
    .select()
    .from(salesRecords)
    .where(inAccount(actor, salesRecords, eq(salesRecords.id, id), isNull(salesRecords.deletedAt)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('Sales record');
  if (
    actor.kind === 'user' &&
    !can(actor.profile, 'sales_record.view', { record: recordContext(row) }).allowed
  )
    throw notFound('Sales record');
  return row;
}

/** Type/status and assignment rules shared by create and update; every problem at once. */
async function checkRefs(
  tx: DbOrTx,
  actor: Actor,
  r: {
    recordTypeId: string;
    statusId: string;
    assignedUserId?: string | null;
    assignedAgentId?: string | null;
  },
  changed: { assignedUserId: boolean; assignedAgentId: boolean },
) {
  const problems: { path: string; message: string }[] = [];
  const status = await recordStatusById(tx, actor, r.statusId);
  if (!status) throw notFound('Status');
  if (status.recordTypeId !== r.recordTypeId)
    problems.push({ path: 'statusId', message: 'This status belongs to another record type.' });
  if (changed.assignedUserId && r.assignedUserId) {
    await assertActiveUsersExist(tx, actor, [r.assignedUserId]);
    problems.push(...assignmentProblems(actor, { assignedUserId: r.assignedUserId }));
  }
  if (changed.assignedAgentId && r.assignedAgentId) {
    await assertAgentsExist(tx, actor, [r.assignedAgentId]);
    problems.push(...assignmentProblems(actor, { assignedAgentId: r.assignedAgentId }));
  }
  if (problems.length)
    throw new AppError('validation', 'The record has invalid fields.', { errors: problems });
}

async function firstStatusOf(tx: DbOrTx, actor: Actor, recordTypeId: string): Promise<string> {
  const id = await firstStatusIdOf(tx, actor, recordTypeId);
  if (!id) throw notFound('Record type');
  return id;
}

export async function createSalesRecord(
  deps: Deps,
  opts: {
    actor: Actor;
    input: z.infer<typeof CreateSalesRecordInput>;
    /** A new sale to an existing client: the Individual it is for. */
    individualId?: string;
  },
) {
  const { actor, input } = opts;
  const recordTypeId = input.recordTypeId ?? (await getAccount(deps, { actor })).defaultRecordTypeId;
  if (!recordTypeId)
    throw new AppError('validation', 'Choose a record type.', {
      errors: [{ path: 'recordTypeId', message: 'Required.' }],
    });
  authorize(actor, 'sales_record.add', { recordTypeId });
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const statusId = input.statusId ?? (await firstStatusOf(tx, actor, recordTypeId));
    await checkRefs(
      tx,
      actor,
      { ...input, recordTypeId, statusId },
      { assignedUserId: true, assignedAgentId: true },
    );
    const { recordTypeId: _t, statusId: _s, ...fields } = input;
    const customFields = await checkCustomFields(tx, actor, 'sales_record', input.customFields, {
      creating: true,
    });
    await tx.insert(salesRecords).values({
      ...fields,
      customFields: customFields ?? {},
      accountId: actor.accountId,
      id,
      recordTypeId,
      statusId,
      createdByUserId: actor.kind === 'user' ? actor.userId : null,
      individualId: opts.individualId ?? null,
    });
    await recordAudit(tx, actor, {
      type: 'sales_record.created',
      subjectType: 'sales_record',
      subjectId: id,
      data: {
        fields: Object.fromEntries(
          Object.entries({ ...fields, recordTypeId, statusId }).filter(
            ([, v]) => v !== undefined && v !== null,
          ),
        ),
      },
    });
  });
  return getSalesRecord(deps, { actor, id });
}

export async function getSalesRecord(deps: Pick<Deps, 'db'>, opts: { actor: Actor; id: string }) {
  const row = await loadVisibleSalesRecord(deps.db, opts.actor, opts.id);
  const { accountId: _a, deletedAt: _d, ...rest } = row;
  const periods = await temperaturePeriodsOf(deps, opts.actor);
  const status = await recordStatusById(deps.db, opts.actor, row.statusId);
  const [named] = await withAgentNames(deps.db, opts.actor, [rest], 'assignedAgentId', 'assignedAgentName');
  return {
    ...named!,
    temperature: recordTemperature({ ...row, closed: status?.isClosed ?? false }, new Date(), periods),
  };
}

export async function updateSalesRecord(
  deps: Deps,
  opts: { actor: Actor; id: string; patch: z.infer<typeof UpdateSalesRecordInput> },
) {
  const { actor, id, patch } = opts;
  await deps.db.transaction(async (tx) => {
    const before = await loadVisibleSalesRecord(tx, actor, id, { forUpdate: true });
    authorize(actor, 'sales_record.edit', { record: recordContext(before) });
    assertNotConverted(before);
    const recordTypeId = patch.recordTypeId ?? before.recordTypeId;
    if (recordTypeId !== before.recordTypeId)
      authorize(actor, 'sales_record.edit', { record: recordContext({ ...before, recordTypeId }) });
    const statusId =
      patch.statusId ??
      (recordTypeId !== before.recordTypeId ? await firstStatusOf(tx, actor, recordTypeId) : before.statusId);
    const next = { ...before, ...patch, recordTypeId, statusId };
    await checkRefs(tx, actor, next, {
      assignedUserId: patch.assignedUserId !== undefined && patch.assignedUserId !== before.assignedUserId,
      assignedAgentId:
        patch.assignedAgentId !== undefined && patch.assignedAgentId !== before.assignedAgentId,
    });
    const customFields = await checkCustomFields(tx, actor, 'sales_record', patch.customFields, {
      creating: false,
      existing: before.customFields,
    });
    const changed = { ...patch, recordTypeId, statusId, ...(customFields ? { customFields } : {}) };
    const changes = diff(before as unknown as Record<string, unknown>, changed);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(salesRecords)
      .set({ ...changed, updatedAt: sql`now()` as never })
      .where(and(inAccount(actor, salesRecords, eq(salesRecords.id, id))));
    await recordAudit(tx, actor, {
      type: 'sales_record.updated',
      subjectType: 'sales_record',
      subjectId: id,
      data: { changes },
    });
  });
  return getSalesRecord(deps, { actor, id });
}

/** A converted Sales Record is the compliance trail of the sale: read-only from then on. */
export function assertNotConverted(r: Pick<SalesRecordRow, 'convertedAt'>): void {
  if (r.convertedAt) {
    throw new AppError(
      'rule_violation',
      'This Sales Record was converted to an Individual and is read-only; work on the Individual instead.',
    );
  }
}
