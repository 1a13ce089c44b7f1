import { and, asc, desc, eq, inArray, isNotNull, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { type FormRow, formTask, loadFormFor, loadFormRecord, type RecordRef } from './access.ts';
import { type Actor, accounts, authorize, emails, salesRecords, users } from './ports.ts';
import { familyOf, formDocuments, formEvents, formRequests, type FormStatus } from './schema.ts';
import { loadFormSettings } from './settings.ts';
import { evaluateSoaTiming } from './soa-timing.ts';
import type { PdfEvent } from './pdf.ts';

/** The status as shown: a requested or opened form past its expiry is `expired`. */
export function statusOf(f: Pick<FormRow, 'status' | 'expiresAt'>, now = new Date()): FormStatus {
  return (f.status === 'requested' || f.status === 'opened') && f.expiresAt.getTime() <= now.getTime()
    ? 'expired'
    : f.status;
}

/**
 * A form's audit trail, oldest first: its stored events, plus "delivered" when the email that
 * carried the link was accepted by the mail server (from the email module's row).
 */
export async function loadEvents(
  tx: DbOrTx,
  scope: { accountId: string },
  f: Pick<FormRow, 'id' | 'messageId' | 'channel'>,
): Promise<PdfEvent[]> {
  const rows = await tx
    .select({
      type: formEvents.type,
      at: formEvents.at,
      ip: formEvents.ip,
      userAgent: formEvents.userAgent,
      detail: formEvents.detail,
    })
    .from(formEvents)
    .where(inAccount(scope, formEvents, eq(formEvents.formId, f.id)))
    .orderBy(asc(formEvents.at), asc(formEvents.id));
  const events: PdfEvent[] = rows;
  if (f.messageId && f.channel === 'email') {
    const [mail] = await tx
      .select({ sentAt: emails.sentAt, status: emails.status })
      .from(emails)
      .where(and(eq(emails.accountId, scope.accountId), eq(emails.id, f.messageId)));
    if (mail?.status === 'sent' && mail.sentAt)
      events.push({
        type: 'delivered',
        at: mail.sentAt,
        ip: null,
        userAgent: 'mail server (SMTP accepted)',
        detail: null,
      });
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

async function timeZoneOf(tx: DbOrTx, accountId: string) {
  const [a] = await tx
    .select({ timeZone: accounts.timeZone })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return a?.timeZone ?? 'America/New_York';
}

/** The SOA timing outcome of a form (null for ACA forms or without an appointment date). */
export async function timingOf(tx: DbOrTx, scope: { accountId: string }, f: FormRow) {
  if (f.kind !== 'soa' || !(f.appointmentCompletedAt ?? f.appointmentAt)) return null;
  const settings = await loadFormSettings(tx, scope, 'soa');
  return evaluateSoaTiming({
    signedAt: f.signedAt,
    appointmentAt: (f.appointmentCompletedAt ?? f.appointmentAt)!,
    contactMethod: f.firstContactMethod,
    exceptionReason: f.exceptionReason,
    timeZone: await timeZoneOf(tx, scope.accountId),
    keepFortyEightHourPolicy: settings.keepFortyEightHourPolicy,
  });
}

export async function toView(tx: DbOrTx, actor: Actor, f: FormRow, owner: RecordRef) {
  const [sender] = await tx
    .select({ firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(and(eq(users.accountId, f.accountId), eq(users.id, f.senderUserId)));
  const versions = await tx
    .select({
      version: formDocuments.version,
      sha256: formDocuments.sha256,
      sizeBytes: formDocuments.sizeBytes,
      createdAt: formDocuments.createdAt,
    })
    .from(formDocuments)
    .where(inAccount(actor, formDocuments, eq(formDocuments.formId, f.id)))
    .orderBy(desc(formDocuments.version));
  const settings = await loadFormSettings(tx, actor, familyOf(f.kind));
  const status = statusOf(f);
  const retainUntil = f.signedAt ? new Date(f.signedAt) : null;
  retainUntil?.setUTCFullYear(retainUntil.getUTCFullYear() + settings.retentionYears);
  const isSender = actor.kind === 'user' && actor.userId === f.senderUserId;
  return {
    id: f.id,
    kind: f.kind,
    status,
    record: owner,
    sender: { id: f.senderUserId, name: sender ? `${sender.firstName} ${sender.lastName}` : '' },
    channel: f.channel,
    sentTo: f.sentTo,
    language: f.language,
    plans: f.plans,
    firstContactMethod: f.firstContactMethod,
    appointmentAt: f.appointmentAt,
    appointmentCompletedAt: f.appointmentCompletedAt,
    exceptionReason: f.exceptionReason,
    exceptionNote: f.exceptionNote,
    beneficiaryName: f.beneficiaryName,
    signerName: f.signerName,
    authorizedRep: f.authorizedRep,
    expiresAt: f.expiresAt,
    signedAt: f.signedAt,
    createdAt: f.createdAt,
    retainUntil,
    timing: await timingOf(tx, actor, f),
    versions,
    events: await loadEvents(tx, actor, f),
    canEdit: isSender && f.kind === 'soa' && status === 'completed',
    canDelete: isSender && (status === 'requested' || status === 'opened' || status === 'expired'),
  };
}
export type FormView = Awaited<ReturnType<typeof toView>>;

export async function getForm(deps: Pick<Deps, 'db'>, opts: { actor: Actor; id: string }) {
  const { form, record } = await loadFormFor(deps.db, opts.actor, opts.id, 'view');
  return toView(deps.db, opts.actor, form, record.ref);
}

/**
 * The forms on a record (soa.view.* / aca.view.*: a family the actor may not view is left out).
 * An Individual's list includes the forms of the Sales Records converted into it.
 */
export async function listForms(deps: Pick<Deps, 'db'>, opts: { actor: Actor; record: RecordRef }) {
  const { actor } = opts;
  const record = await loadFormRecord(deps.db, actor, opts.record);
  const viewable = (['soa', 'aca_consent', 'aca_attestation'] as const).filter((k) => {
    try {
      authorize(actor, formTask(k, 'view', record.ref.type), { record: record.context });
      return true;
    } catch {
      return false;
    }
  });
  if (viewable.length === 0)
    authorize(actor, formTask('soa', 'view', record.ref.type), { record: record.context });
  let owner;
  if (record.ref.type === 'sales_record') owner = eq(formRequests.salesRecordId, record.ref.id);
  else {
    const converted = await deps.db
      .select({ id: salesRecords.id })
      .from(salesRecords)
      .where(
        inAccount(
          actor,
          salesRecords,
          eq(salesRecords.individualId, record.ref.id),
          isNotNull(salesRecords.convertedAt),
        ),
      );
    owner = or(
      eq(formRequests.individualId, record.ref.id),
      converted.length
        ? inArray(
            formRequests.salesRecordId,
            converted.map((c) => c.id),
          )
        : undefined,
    );
  }
  const rows = await deps.db
    .select()
    .from(formRequests)
    .where(
      inAccount(
        actor,
        formRequests,
        owner,
        ne(formRequests.status, 'deleted'),
        inArray(formRequests.kind, viewable),
      ),
    )
    .orderBy(desc(formRequests.createdAt))
    .limit(500);
  const out = [];
  for (const f of rows) out.push(await toView(deps.db, actor, f, record.ref));
  return out;
}
