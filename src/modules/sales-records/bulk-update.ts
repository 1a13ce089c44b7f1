import { assignmentProblems } from './assignment-rule.ts';
import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertAgentsExist } from '../agents/index.ts';
import { recordStatusById } from '../record-types/index.ts';
import { assertActiveUsersExist } from '../users/index.ts';
import { authorize, can, type Actor } from '../access/index.ts';
import { diff, recordAudit } from '../audit/index.ts';
import { recordContext } from './sales-records.ts';
import { salesRecords } from './schema.ts';

export const BulkUpdateInput = z
  .strictObject({
    ids: z.array(z.uuid()).min(1, 'Select at least one record.').max(500),
    assignedUserId: z.uuid().nullable().optional(),
    assignedAgentId: z.uuid().nullable().optional(),
    statusId: z.uuid().optional(),
  })
  .refine(
    (v) => v.assignedUserId !== undefined || v.assignedAgentId !== undefined || v.statusId !== undefined,
    {
      message: 'Choose what to change: assignee, agent or status.',
    },
  );

/**
 * Assign or change the status of selected records, all or nothing: every record must be visible
 * and editable by the actor, and the status must belong to every record's type.
 */
export async function bulkUpdateSalesRecords(
  deps: Deps,
  opts: { actor: Actor; input: z.infer<typeof BulkUpdateInput> },
) {
  const { actor, input } = opts;
  authorize(actor, 'sales_record.edit');
  const ids = [...new Set(input.ids)];
  const patch = {
    ...(input.assignedUserId !== undefined ? { assignedUserId: input.assignedUserId } : {}),
    ...(input.assignedAgentId !== undefined ? { assignedAgentId: input.assignedAgentId } : {}),
    ...(input.statusId !== undefined ? { statusId: input.statusId } : {}),
  };
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(salesRecords)
      .where(
        inAccount(actor, salesRecords, inArray(salesRecords.id, ids), sql`${salesRecords.deletedAt} is null`),
      )
      .for('update');
    const visible = rows.filter(
      (r) =>
        actor.kind !== 'user' ||
        can(actor.profile, 'sales_record.view', { record: recordContext(r) }).allowed,
    );
    if (visible.length !== ids.length) throw notFound('Sales record');
    const converted = visible.filter((r) => r.convertedAt);
    if (converted.length) {
      throw new AppError('rule_violation', 'Converted records are read-only; nothing was changed.', {
        errors: converted.map((r) => ({ path: `ids.${ids.indexOf(r.id)}`, message: 'Converted.' })),
      });
    }
    const problems: { path: string; message: string }[] = [];
    for (const r of visible) {
      if (
        actor.kind === 'user' &&
        !can(actor.profile, 'sales_record.edit', { record: recordContext(r) }).allowed
      ) {
        problems.push({
          path: `ids.${ids.indexOf(r.id)}`,
          message: `You may not edit ${r.firstName} ${r.lastName}.`,
        });
      }
    }
    if (problems.length)
      throw new AppError('forbidden', 'Some selected records cannot be edited by you; nothing was changed.', {
        errors: problems,
        missing: ['salesPermissions.recordTypeAccess.edit'],
      });
    if (input.statusId) {
      const status = await recordStatusById(tx, actor, input.statusId);
      if (!status) throw notFound('Status');
      const mismatched = visible.filter((r) => r.recordTypeId !== status.recordTypeId);
      if (mismatched.length) {
        throw new AppError(
          'validation',
          `The status “${status.name}” belongs to another record type than ${mismatched.length} selected record(s); nothing was changed.`,
          {
            errors: mismatched.map((r) => ({
              path: `ids.${ids.indexOf(r.id)}`,
              message: 'Different record type.',
            })),
          },
        );
      }
    }
    if (input.assignedUserId) {
      await assertActiveUsersExist(tx, actor, [input.assignedUserId]);
    }
    if (input.assignedAgentId) {
      await assertAgentsExist(tx, actor, [input.assignedAgentId]);
    }
    const assignment = assignmentProblems(actor, input);
    if (assignment.length)
      throw new AppError('validation', 'Your Agent Dropdown View does not allow this assignment.', {
        errors: assignment,
      });
    await tx
      .update(salesRecords)
      .set({ ...patch, updatedAt: sql`now()` as never })
      .where(inAccount(actor, salesRecords, inArray(salesRecords.id, ids)));
    for (const r of visible) {
      const changes = diff(r as unknown as Record<string, unknown>, patch);
      if (Object.keys(changes).length)
        await recordAudit(tx, actor, {
          type: 'sales_record.bulk_updated',
          subjectType: 'sales_record',
          subjectId: r.id,
          data: { changes },
        });
    }
    return { updated: visible.length };
  });
}
