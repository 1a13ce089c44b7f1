import { and, desc, eq, isNotNull, lt, sql } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { accountPackages } from '../accounts/index.ts';
import { authorize, type Actor, type SystemActor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { salesRecordPurgeHooks } from './hooks.ts';
import { assertNotConverted, loadVisibleSalesRecord, recordContext } from './sales-records.ts';
import { salesRecords } from './schema.ts';

export const RECOVERY_WINDOW_MS = 30 * 24 * 3600_000;
export const RETENTION_NOTICE =
  'Insurance regulations require most agencies to keep records for at least 10 years. Consider the Archive record type ' +
  '(“Do not contact”, “Hold until next year’s AEP”, “Deceased”) instead of deleting.';

/** Pure: can a record deleted at `deletedAt` still be restored at `now`? (30 days, to the millisecond) */
export const isRecoverable = (deletedAt: Date, now: Date): boolean =>
  now.getTime() < deletedAt.getTime() + RECOVERY_WINDOW_MS;

/**
 * Delete a Sales Record (Delete on its type). The caller must acknowledge the 10-year retention
 * duty. The record is recoverable by an admin for 30 days, then purged by a job.
 */
export async function deleteSalesRecord(
  deps: Deps,
  opts: { actor: Actor; id: string; acknowledgeRetention: boolean },
) {
  const { actor, id } = opts;
  await deps.db.transaction(async (tx) => {
    const record = await loadVisibleSalesRecord(tx, actor, id, { forUpdate: true });
    authorize(actor, 'sales_record.delete', { record: recordContext(record) });
    assertNotConverted(record);
    if (!opts.acknowledgeRetention) {
      throw new AppError('rule_violation', `Confirm the deletion: ${RETENTION_NOTICE}`, {
        errors: [{ path: 'acknowledgeRetention', message: 'Must be true to delete.' }],
      });
    }
    await tx
      .update(salesRecords)
      .set({ deletedAt: sql`now()` as never, deletedByUserId: actor.kind === 'user' ? actor.userId : null })
      .where(inAccount(actor, salesRecords, eq(salesRecords.id, id)));
    await recordAudit(tx, actor, {
      type: 'sales_record.deleted',
      subjectType: 'sales_record',
      subjectId: id,
      data: { name: `${record.firstName} ${record.lastName}` },
    });
  });
}

/** Deleted records still recoverable, newest first (admins: Manage Users). */
export async function listDeletedSalesRecords(deps: Deps, opts: { actor: Actor }) {
  authorize(opts.actor, 'users.manage');
  const rows = await deps.db
    .select({
      id: salesRecords.id,
      firstName: salesRecords.firstName,
      lastName: salesRecords.lastName,
      deletedAt: salesRecords.deletedAt,
      deletedByUserId: salesRecords.deletedByUserId,
    })
    .from(salesRecords)
    .where(inAccount(opts.actor, salesRecords, isNotNull(salesRecords.deletedAt)))
    .orderBy(desc(salesRecords.deletedAt))
    .limit(500);
  return rows.map((r) => ({
    ...r,
    deletedAt: r.deletedAt!,
    recoverableUntil: new Date(r.deletedAt!.getTime() + RECOVERY_WINDOW_MS),
  }));
}

export async function restoreSalesRecord(deps: Deps, opts: { actor: Actor; id: string; now?: Date }) {
  const { actor, id } = opts;
  authorize(actor, 'users.manage');
  await deps.db.transaction(async (tx) => {
    const where = inAccount(actor, salesRecords, eq(salesRecords.id, id), isNotNull(salesRecords.deletedAt));
    const [row] = await tx.select().from(salesRecords).where(where).for('update');
    if (!row) throw notFound('Deleted sales record');
    if (!isRecoverable(row.deletedAt!, opts.now ?? new Date()))
      throw new AppError(
        'gone',
        'This record was deleted more than 30 days ago and can no longer be restored.',
      );
    await tx.update(salesRecords).set({ deletedAt: null, deletedByUserId: null }).where(where);
    await recordAudit(tx, actor, {
      type: 'sales_record.restored',
      subjectType: 'sales_record',
      subjectId: id,
      data: { name: `${row.firstName} ${row.lastName}` },
    });
  });
}

/**
 * What a purged record was, kept in its `sales_record.purged` event: every field but the account
 * (the event has it) and the bookkeeping of updates. Times as ISO strings.
 */
export function tombstoneOf(r: typeof salesRecords.$inferSelect): Record<string, unknown> {
  const { accountId: _a, updatedAt: _u, ...fields } = r;
  return Object.fromEntries(
    Object.entries(fields)
      .filter(
        ([, v]) => v !== null && !(typeof v === 'object' && !(v instanceof Date) && !Object.keys(v).length),
      )
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}

/** The purge job: remove records deleted more than 30 days ago, leaving an audit entry for each. */
export async function purgeDeletedSalesRecords(deps: Deps, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - RECOVERY_WINDOW_MS);
  const due = await deps.db
    .select()
    .from(salesRecords)
    .where(and(isNotNull(salesRecords.deletedAt), lt(salesRecords.deletedAt, cutoff)))
    .limit(1000);
  const packages = await accountPackages(
    deps.db,
    due.map((r) => r.accountId),
  );
  for (const r of due) {
    const actor: SystemActor = {
      kind: 'system',
      accountId: r.accountId,
      accountPackage: packages.get(r.accountId)!,
      ctx: {},
    };
    const afterCommit: (() => Promise<void>)[] = [];
    await deps.db.transaction(async (tx) => {
      for (const hook of salesRecordPurgeHooks.all()) {
        const after = await hook(deps, tx, actor, r.id);
        if (after) afterCommit.push(after);
      }
      await tx
        .delete(salesRecords)
        .where(inAccount(actor, salesRecords, eq(salesRecords.id, r.id), lt(salesRecords.deletedAt, cutoff)));
      await recordAudit(tx, actor, {
        type: 'sales_record.purged',
        subjectType: 'sales_record',
        subjectId: r.id,
        data: { name: `${r.firstName} ${r.lastName}`, record: tombstoneOf(r) },
      });
    });
    // Rows attached to the record went with it (cascade); what they held outside the database (the
    // files' stored bytes) goes once committed.
    for (const after of afterCommit) await after();
  }
  return due.length;
}
