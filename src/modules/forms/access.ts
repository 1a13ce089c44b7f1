import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import { notFound } from '../../lib/errors.ts';
import {
  type Actor,
  authorize,
  loadVisibleIndividual,
  loadVisibleSalesRecord,
  type RecordContext,
  recordContext,
  salesRecords,
  type TaskId,
} from './ports.ts';
import { familyOf, type FormKind, formRequests } from './schema.ts';

export type RecordKind = 'sales_record' | 'individual';
export type RecordRef = { type: RecordKind; id: string };
export type FormAction = 'send' | 'view' | 'edit' | 'delete_requested';

/** The person a form goes to, and the access context of their record. */
export type FormRecord = {
  ref: RecordRef;
  context: RecordContext;
  firstName: string;
  lastName: string;
  email: string | null;
  cellPhone: string | null;
  phone: string | null;
};

/** The matrix row for an action on a form of `kind` on a record of `recordKind` (PERMISSIONS.md soa.*, aca.*). */
export function formTask(kind: FormKind, action: FormAction, recordKind: RecordKind): TaskId {
  return `${familyOf(kind)}.${action}.${recordKind}` as TaskId;
}

/** The record, if the actor may see it (else 404, as for another account's). */
export async function loadFormRecord(tx: DbOrTx, actor: Actor, ref: RecordRef): Promise<FormRecord> {
  if (ref.type === 'sales_record') {
    const r = await loadVisibleSalesRecord(tx, actor, ref.id);
    return { ref, context: recordContext(r), ...person(r) };
  }
  const i = await loadVisibleIndividual(tx, actor, ref.id);
  return { ref, context: { kind: 'individual', servicingAgentId: i.servicingAgentId }, ...person(i) };
}

const person = (r: {
  firstName: string;
  lastName: string;
  email: string | null;
  cellPhone: string | null;
  phone: string | null;
}) => ({
  firstName: r.firstName,
  lastName: r.lastName,
  email: r.email,
  cellPhone: r.cellPhone,
  phone: r.phone,
});

export type FormRow = typeof formRequests.$inferSelect;

/**
 * The record a form is on now: its Individual, or its Sales Record — unless that Sales Record was
 * converted, in which case its forms were carried to the Individual (decision 066).
 */
export async function ownerOf(
  tx: DbOrTx,
  actor: Actor,
  f: Pick<FormRow, 'salesRecordId' | 'individualId'>,
): Promise<RecordRef> {
  if (f.individualId) return { type: 'individual', id: f.individualId };
  const [sr] = await tx
    .select({ individualId: salesRecords.individualId, convertedAt: salesRecords.convertedAt })
    .from(salesRecords)
    .where(inAccount(actor, salesRecords, eq(salesRecords.id, f.salesRecordId!)));
  if (sr?.convertedAt && sr.individualId) return { type: 'individual', id: sr.individualId };
  return { type: 'sales_record', id: f.salesRecordId! };
}

/**
 * A form the actor may act on: another account's, a deleted one, or one on a record out of the
 * actor's reach is 404; a missing permission (or not the sender, for sender-only rows) is 403.
 */
export async function loadFormFor(
  tx: DbOrTx,
  actor: Actor,
  id: string,
  action: FormAction,
  opts: { forUpdate?: boolean } = {},
): Promise<{ form: FormRow; record: FormRecord }> {
  const q = tx
    .select()
    .from(formRequests)
    .where(inAccount(actor, formRequests, and(eq(formRequests.id, id))));
  const [form] = opts.forUpdate ? await q.for('update') : await q;
  if (!form || form.status === 'deleted') throw notFound('Form');
  const record = await loadFormRecord(tx, actor, await ownerOf(tx, actor, form));
  authorize(actor, formTask(form.kind, action, record.ref.type), {
    record: record.context,
    senderUserId: form.senderUserId,
  });
  return { form, record };
}
