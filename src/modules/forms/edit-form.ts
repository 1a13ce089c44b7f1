import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { loadFormFor } from './access.ts';
import { storeNextVersion } from './document.ts';
import { type Actor, recordAudit } from './ports.ts';
import { EXCEPTION_REASONS, formEvents, formRequests, SOA_PLANS } from './schema.ts';
import { loadFormSettings } from './settings.ts';
import { timingOf, toView, statusOf } from './view.ts';

/** What may change after signing (AgencyBloc's list, MESSAGING-AND-COMPLIANCE.md §2.1). */
export const EditFormInput = z
  .strictObject({
    plans: z.array(z.enum(SOA_PLANS)).min(1, 'Keep at least one plan.').max(SOA_PLANS.length).optional(),
    appointmentCompletedAt: z.iso.datetime({ offset: true }).nullable().optional(),
    exceptionReason: z.enum(EXCEPTION_REASONS).nullable().optional(),
    exceptionNote: z.string().trim().max(500).nullable().optional(),
  })
  .meta({ id: 'EditFormInput' });

/**
 * soa.edit.* (sender only): plans represented, appointment completion date, 48-hour exception
 * reason of a completed SOA. Each edit is an "edited" event and a new PDF version; old versions
 * stay. Completing an appointment less than 48 hours after the signature needs a reason (422).
 */
export async function editForm(
  deps: Deps,
  opts: { actor: Actor; id: string; input: z.infer<typeof EditFormInput> },
) {
  const { actor, input } = opts;
  return deps.db.transaction(async (tx) => {
    const { form, record } = await loadFormFor(tx, actor, opts.id, 'edit', { forUpdate: true });
    if (form.kind !== 'soa')
      throw new AppError('conflict', 'Only Scope of Appointment forms can be edited after signing.');
    if (statusOf(form) !== 'completed') throw new AppError('conflict', 'Only a signed form can be edited.');
    const settings = await loadFormSettings(tx, actor, 'soa');
    const stray = (input.plans ?? []).filter(
      (p) => !settings.plansOffered.includes(p) && !form.plans.includes(p),
    );
    if (stray.length)
      throw new AppError('validation', 'The form has invalid fields.', {
        errors: [{ path: 'plans', message: `Not offered: ${stray.join(', ')}.` }],
      });
    const patch = {
      ...(input.plans ? { plans: [...new Set(input.plans)] } : {}),
      ...(input.appointmentCompletedAt !== undefined
        ? {
            appointmentCompletedAt: input.appointmentCompletedAt
              ? new Date(input.appointmentCompletedAt)
              : null,
          }
        : {}),
      ...(input.exceptionReason !== undefined ? { exceptionReason: input.exceptionReason } : {}),
      ...(input.exceptionNote !== undefined ? { exceptionNote: input.exceptionNote || null } : {}),
    };
    const changed = Object.keys(patch).filter(
      (k) =>
        JSON.stringify((form as Record<string, unknown>)[k]) !==
        JSON.stringify((patch as Record<string, unknown>)[k]),
    );
    if (changed.length === 0) return toView(tx, actor, form, record.ref);
    const next = { ...form, ...patch };
    const timing = await timingOf(tx, actor, next);
    if (
      timing?.status === 'exception_required' &&
      (patch.appointmentCompletedAt || patch.exceptionReason === null)
    )
      throw new AppError(
        'rule_violation',
        'The appointment is less than 48 hours after the signature: give the exception reason.',
        {
          errors: [
            {
              path: 'exceptionReason',
              message: 'Required: the SOA was signed less than 48 hours before the appointment.',
            },
          ],
        },
      );
    if (timing?.status === 'signed_after_appointment' && patch.appointmentCompletedAt)
      throw new AppError('rule_violation', 'The appointment cannot be completed before the SOA was signed.', {
        errors: [{ path: 'appointmentCompletedAt', message: 'Before the signature.' }],
      });
    const now = new Date();
    const [updated] = await tx
      .update(formRequests)
      .set({ ...patch, updatedAt: now })
      .where(inAccount(actor, formRequests, eq(formRequests.id, form.id)))
      .returning();
    await tx.insert(formEvents).values({
      accountId: actor.accountId,
      id: newId(),
      formId: form.id,
      type: 'edited',
      at: now,
      ip: actor.ctx.ip ?? null,
      userAgent: actor.ctx.userAgent?.slice(0, 500) ?? null,
      userId: actor.kind === 'user' ? actor.userId : null,
      detail: `changed ${changed.join(', ')}`,
    });
    const doc = await storeNextVersion(
      deps,
      tx,
      actor,
      updated!,
      actor.kind === 'user' ? actor.userId : null,
    );
    await recordAudit(tx, actor, {
      type: 'form.edited',
      subjectType: 'form',
      subjectId: form.id,
      data: { changed, version: doc.version },
      record: { kind: record.ref.type, id: record.ref.id },
    });
    return toView(tx, actor, updated!, record.ref);
  });
}
