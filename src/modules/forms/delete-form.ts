import { eq } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { loadFormFor } from './access.ts';
import { type Actor, recordAudit } from './ports.ts';
import { formEvents, formRequests } from './schema.ts';
import { statusOf } from './view.ts';

/**
 * *.delete_requested.* (sender only): a form not yet signed is withdrawn — its link stops working,
 * the row and its trail stay (status `deleted`). A signed form is never deleted inside its
 * retention period (10 years or the account's longer setting): 409.
 */
export async function deleteForm(deps: Pick<Deps, 'db'>, opts: { actor: Actor; id: string }) {
  const { actor } = opts;
  await deps.db.transaction(async (tx) => {
    const { form, record } = await loadFormFor(tx, actor, opts.id, 'delete_requested', { forUpdate: true });
    const status = statusOf(form);
    if (status === 'completed' || status === 'signed')
      throw new AppError('conflict', 'A signed form is kept for its retention period and cannot be deleted.');
    const now = new Date();
    await tx
      .update(formRequests)
      .set({ status: 'deleted', updatedAt: now })
      .where(inAccount(actor, formRequests, eq(formRequests.id, form.id)));
    await tx.insert(formEvents).values({
      accountId: actor.accountId,
      id: newId(),
      formId: form.id,
      type: 'deleted',
      at: now,
      ip: actor.ctx.ip ?? null,
      userAgent: actor.ctx.userAgent?.slice(0, 500) ?? null,
      userId: actor.kind === 'user' ? actor.userId : null,
    });
    await recordAudit(tx, actor, {
      type: 'form.deleted',
      subjectType: 'form',
      subjectId: form.id,
      data: { kind: form.kind, status },
      record: { kind: record.ref.type, id: record.ref.id },
    });
  });
}
