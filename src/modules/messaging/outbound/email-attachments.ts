import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import type { Deps } from '../../../deps.ts';
import { AppError } from '../../../lib/errors.ts';
import { recordFiles, type Actor, type OutgoingEmail } from '../ports.ts';
import type { RecipientRef } from './recipient.ts';

/** The most an email's attachments may weigh together (SMTP servers commonly refuse > 20 MB). */
export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;

type Attachment = NonNullable<OutgoingEmail['attachments']>[number];

/**
 * The record's files to attach to an email: each id must be an uploaded file of that very record
 * (another record's or account's file is "not found"). Bytes are read from the file storage and
 * carried base64 (nodemailer's `encoding`).
 */
export async function attachRecordFiles(
  deps: Pick<Deps, 'storage'>,
  db: DbOrTx,
  actor: Actor,
  to: RecipientRef,
  fileIds: string[],
): Promise<Attachment[]> {
  if (!fileIds.length) return [];
  if (to.type === 'agent')
    throw new AppError('rule_violation', 'Agent Records have no files to attach.', {
      errors: [{ path: 'attachmentFileIds', message: 'Agent Records have no files.' }],
      extensions: { code: 'attachment_not_on_record' },
    });
  const owner = to.type === 'sales_record' ? recordFiles.salesRecordId : recordFiles.individualId;
  const rows = await db
    .select()
    .from(recordFiles)
    .where(
      and(eq(recordFiles.accountId, actor.accountId), eq(owner, to.id), inArray(recordFiles.id, fileIds)),
    );
  const missing = fileIds.filter((id) => !rows.some((r) => r.id === id));
  const links = rows.filter((r) => !r.storageKey);
  if (missing.length || links.length)
    throw new AppError('rule_violation', 'Only files uploaded to this record can be attached.', {
      errors: [
        ...missing.map((id) => ({
          path: 'attachmentFileIds',
          message: `File ${id} is not a file of this record.`,
        })),
        ...links.map((r) => ({
          path: 'attachmentFileIds',
          message: `“${r.name}” is a link, not an uploaded file.`,
        })),
      ],
      extensions: { code: 'attachment_not_on_record' },
    });
  let total = 0;
  const out: Attachment[] = [];
  for (const r of rows) {
    const chunks: Buffer[] = [];
    for await (const chunk of deps.storage.get(r.storageKey!)) {
      total += (chunk as Buffer).length;
      if (total > MAX_ATTACHMENT_BYTES)
        throw new AppError(
          'rule_violation',
          `Attachments are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB in all.`,
          {
            errors: [{ path: 'attachmentFileIds', message: 'Too large in all: attach fewer files.' }],
            extensions: { code: 'attachments_too_large' },
          },
        );
      chunks.push(chunk as Buffer);
    }
    // nodemailer reads `encoding`; the email module stores the attachment object as given.
    out.push({
      filename: r.name,
      contentType: r.contentType ?? 'application/octet-stream',
      content: Buffer.concat(chunks).toString('base64'),
      encoding: 'base64',
    } as Attachment);
  }
  return out;
}
