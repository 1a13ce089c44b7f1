import { and, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { accounts } from './ports.ts';
import { formDocumentHashes, formDocuments, formRequests } from './schema.ts';

export const VerifyInput = z
  .strictObject({
    sha256: z
      .string()
      .max(100)
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{64}$/, 'A SHA-256 is 64 hexadecimal characters.'),
  })
  .meta({ id: 'VerifyInput' });

/**
 * Public: was a PDF with this SHA-256 issued here? Answers the issuing agency, the form type, the
 * version and whether a later version exists — no personal data. A changed file has another hash.
 */
export async function verifyDocument(deps: Pick<Deps, 'db'>, opts: { sha256: string }) {
  const [hit] = await deps.db
    .select({ accountId: formDocumentHashes.accountId, documentId: formDocumentHashes.documentId })
    .from(formDocumentHashes)
    .where(eq(formDocumentHashes.sha256, opts.sha256));
  if (!hit) return { issued: false as const };
  const [doc] = await deps.db
    .select({
      version: formDocuments.version,
      createdAt: formDocuments.createdAt,
      formId: formDocuments.formId,
      kind: formRequests.kind,
      agencyName: accounts.name,
    })
    .from(formDocuments)
    .innerJoin(
      formRequests,
      and(eq(formRequests.accountId, formDocuments.accountId), eq(formRequests.id, formDocuments.formId)),
    )
    .innerJoin(accounts, eq(accounts.id, formDocuments.accountId))
    .where(and(eq(formDocuments.accountId, hit.accountId), eq(formDocuments.id, hit.documentId)));
  if (!doc) return { issued: false as const };
  const [{ latest }] = (await deps.db
    .select({ latest: max(formDocuments.version) })
    .from(formDocuments)
    .where(and(eq(formDocuments.accountId, hit.accountId), eq(formDocuments.formId, doc.formId)))) as [
    { latest: number },
  ];
  return {
    issued: true as const,
    agencyName: doc.agencyName,
    kind: doc.kind,
    version: doc.version,
    issuedAt: doc.createdAt,
    latestVersion: doc.version === latest,
  };
}
