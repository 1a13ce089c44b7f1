import { Readable } from 'node:stream';
import { and, desc, eq, max } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { FormRow } from './access.ts';
import { loadFormFor } from './access.ts';
import type { Actor } from './ports.ts';
import { renderFormPdf } from './pdf.ts';
import { formDocumentHashes, formDocuments } from './schema.ts';
import { loadEvents } from './view.ts';

/** Largest PDF we store (a form with a drawn signature is a few tens of kB). */
const MAX_PDF_BYTES = 5 * 1024 * 1024;

/**
 * Render the signed form as its next PDF version and store it (files storage: disk or S3), inside
 * the caller's transaction. Old versions stay.
 */
export async function storeNextVersion(
  deps: Pick<Deps, 'storage'>,
  tx: DbOrTx,
  scope: { accountId: string },
  form: FormRow,
  userId: string | null,
) {
  if (!form.signedAt || !form.signature || !form.consentedAt || !form.signerName)
    throw new AppError('conflict', 'This form has not been signed.');
  const [{ last }] = (await tx
    .select({ last: max(formDocuments.version) })
    .from(formDocuments)
    .where(inAccount(scope, formDocuments, eq(formDocuments.formId, form.id)))) as [{ last: number | null }];
  const version = (last ?? 0) + 1;
  const events = await loadEvents(tx, scope, form);
  const pdf = await renderFormPdf({
    formId: form.id,
    version,
    kind: form.kind,
    language: form.language,
    agent: form.agent,
    beneficiaryName: form.beneficiaryName,
    signerName: form.signerName,
    authorizedRep: form.authorizedRep,
    signature: form.signature,
    signedAt: form.signedAt,
    consentedAt: form.consentedAt,
    plans: form.plans,
    firstContactMethod: form.firstContactMethod,
    appointmentAt: form.appointmentAt,
    appointmentCompletedAt: form.appointmentCompletedAt,
    exceptionReason: form.exceptionReason,
    exceptionNote: form.exceptionNote,
    events,
  });
  const stored = await deps.storage.put(
    scope.accountId,
    Readable.from([Buffer.from(pdf.bytes)]),
    MAX_PDF_BYTES,
  );
  const id = newId();
  await tx.insert(formDocuments).values({
    accountId: scope.accountId,
    id,
    formId: form.id,
    version,
    storageKey: stored.key,
    sha256: pdf.sha256,
    sizeBytes: pdf.bytes.length,
    createdByUserId: userId,
  });
  await tx
    .insert(formDocumentHashes)
    .values({ sha256: pdf.sha256, accountId: scope.accountId, documentId: id })
    .onConflictDoNothing();
  return { version, sha256: pdf.sha256 };
}

/** A version's PDF (the latest by default), for anyone who may view the form. */
export async function openFormPdf(
  deps: Pick<Deps, 'db' | 'storage'>,
  opts: { actor: Actor; id: string; version?: number | undefined },
) {
  const { form } = await loadFormFor(deps.db, opts.actor, opts.id, 'view');
  const [doc] = await deps.db
    .select()
    .from(formDocuments)
    .where(
      inAccount(
        opts.actor,
        formDocuments,
        and(
          eq(formDocuments.formId, form.id),
          opts.version ? eq(formDocuments.version, opts.version) : undefined,
        ),
      ),
    )
    .orderBy(desc(formDocuments.version))
    .limit(1);
  if (!doc) throw notFound(opts.version ? 'Version' : 'Signed document');
  return {
    name: `${form.kind}-${form.id}-v${doc.version}.pdf`,
    sizeBytes: doc.sizeBytes,
    sha256: doc.sha256,
    stream: deps.storage.get(doc.storageKey),
  };
}
