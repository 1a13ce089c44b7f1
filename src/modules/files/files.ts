import { desc, eq, sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { assertRecordOwnerAccess, type RecordOwner } from '../records/index.ts';
import { storedBytesHolders } from './hooks.ts';
import { recordFiles } from './schema.ts';
import { checkFileType, FileTooLargeError } from './storage.ts';
import { safeFileName } from '../../lib/file-names.ts';

export const LinkInput = z.strictObject({
  name: z.string().trim().min(1, 'Required.').max(200),
  url: z.url({ protocol: /^https?$/, message: 'Must be an http(s) URL.' }).max(2000),
});

const columns = {
  id: recordFiles.id,
  kind: recordFiles.kind,
  name: recordFiles.name,
  url: recordFiles.url,
  contentType: recordFiles.contentType,
  sizeBytes: recordFiles.sizeBytes,
  sha256: recordFiles.sha256,
  uploadedByUserId: recordFiles.uploadedByUserId,
  createdAt: recordFiles.createdAt,
};
const ownerWhere = (o: RecordOwner) =>
  o.kind === 'sales_record' ? eq(recordFiles.salesRecordId, o.id) : eq(recordFiles.individualId, o.id);
const ownerColumns = (o: RecordOwner) =>
  o.kind === 'sales_record' ? { salesRecordId: o.id } : { individualId: o.id };

export async function listFiles(deps: Deps, opts: { actor: Actor; owner: RecordOwner }) {
  await assertRecordOwnerAccess(deps.db, opts.actor, opts.owner, false);
  return deps.db
    .select(columns)
    .from(recordFiles)
    .where(inAccount(opts.actor, recordFiles, ownerWhere(opts.owner)))
    .orderBy(desc(recordFiles.createdAt));
}

/**
 * Upload: streamed to storage (never held whole in memory), refused past the size limit or when
 * its type (extension and leading bytes) is not accepted; nothing is kept from a refused upload.
 */
export async function uploadFile(
  deps: Deps,
  opts: { actor: Actor; owner: RecordOwner; filename: string; body: Readable },
) {
  const { actor, owner } = opts;
  await assertRecordOwnerAccess(deps.db, actor, owner, true);
  const name = safeFileName(opts.filename);
  let stored;
  try {
    stored = await deps.storage.put(actor.accountId, opts.body, deps.config.fileMaxBytes);
  } catch (e) {
    if (e instanceof FileTooLargeError) {
      opts.body.resume();
      throw new AppError(
        'validation',
        `The file is larger than the ${Math.round(deps.config.fileMaxBytes / 1024 / 1024)} MB limit.`,
        { errors: [{ path: 'file', message: 'Too large.' }] },
      );
    }
    throw e;
  }
  const type = checkFileType(name, stored.head);
  if (!type.ok) {
    await removeIfUnused(deps, actor, stored.key);
    throw new AppError('validation', type.reason, { errors: [{ path: 'file', message: type.reason }] });
  }
  if (stored.sizeBytes === 0) {
    await removeIfUnused(deps, actor, stored.key);
    throw new AppError('validation', 'The file is empty.', { errors: [{ path: 'file', message: 'Empty.' }] });
  }
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await assertRecordOwnerAccess(tx, actor, owner, true);
    await tx.insert(recordFiles).values({
      accountId: actor.accountId,
      id,
      ...ownerColumns(owner),
      kind: 'upload',
      name,
      storageKey: stored.key,
      contentType: type.mime,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      uploadedByUserId: actor.kind === 'user' ? actor.userId : null,
    });
    await recordAudit(tx, actor, {
      type: 'file.added',
      subjectType: owner.kind,
      subjectId: owner.id,
      data: { fileId: id, name, sha256: stored.sha256 },
    });
  });
  const [row] = await deps.db
    .select(columns)
    .from(recordFiles)
    .where(inAccount(actor, recordFiles, eq(recordFiles.id, id)));
  return row!;
}

export async function addLink(
  deps: Deps,
  opts: { actor: Actor; owner: RecordOwner; input: z.infer<typeof LinkInput> },
) {
  const { actor, owner, input } = opts;
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await assertRecordOwnerAccess(tx, actor, owner, true);
    await tx.insert(recordFiles).values({
      accountId: actor.accountId,
      id,
      ...ownerColumns(owner),
      kind: 'url',
      name: input.name,
      url: input.url,
      uploadedByUserId: actor.kind === 'user' ? actor.userId : null,
    });
    await recordAudit(tx, actor, {
      type: 'file.added',
      subjectType: owner.kind,
      subjectId: owner.id,
      data: { fileId: id, name: input.name, url: input.url },
    });
  });
  const [row] = await deps.db
    .select(columns)
    .from(recordFiles)
    .where(inAccount(actor, recordFiles, eq(recordFiles.id, id)));
  return row!;
}

async function loadFile(deps: Deps, actor: Actor, id: string, write: boolean) {
  const [f] = await deps.db
    .select()
    .from(recordFiles)
    .where(inAccount(actor, recordFiles, eq(recordFiles.id, id)));
  if (!f) throw notFound('File');
  const owner: RecordOwner = f.individualId
    ? { kind: 'individual', id: f.individualId }
    : { kind: 'sales_record', id: f.salesRecordId! };
  await assertRecordOwnerAccess(deps.db, actor, owner, write);
  return { f, owner };
}

export async function openFile(deps: Deps, opts: { actor: Actor; id: string }) {
  const { f } = await loadFile(deps, opts.actor, opts.id, false);
  if (f.kind !== 'upload' || !f.storageKey)
    throw new AppError('validation', 'This is a link, not an uploaded file.');
  return {
    name: f.name,
    contentType: f.contentType ?? 'application/octet-stream',
    sizeBytes: f.sizeBytes ?? 0,
    stream: deps.storage.get(f.storageKey),
  };
}

/**
 * Remove stored bytes no row points at any more. On disk, identical uploads in an account share
 * their bytes (content-addressed), and a module above may hold the same key (a CSV import: its
 * `storedBytesHolders` hook): both are checked.
 */
export async function removeIfUnused(deps: Pick<Deps, 'db' | 'storage'>, actor: Actor, key: string) {
  const [{ n }] = (await deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(recordFiles)
    .where(inAccount(actor, recordFiles, eq(recordFiles.storageKey, key)))) as [{ n: number }];
  if (n > 0) return;
  for (const holds of storedBytesHolders.all()) if (await holds(deps.db, actor, key)) return;
  await deps.storage.delete(key);
}

/** Storage keys of the uploads attached to a Sales Record (read before its rows go, e.g. on purge). */
export async function uploadKeysOf(tx: DbOrTx, actor: Actor, salesRecordId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ key: recordFiles.storageKey })
    .from(recordFiles)
    .where(inAccount(actor, recordFiles, eq(recordFiles.salesRecordId, salesRecordId)));
  return rows.flatMap((r) => (r.key ? [r.key] : []));
}

/**
 * After the rows are gone (committed): remove their bytes from storage. A storage failure is
 * logged, not thrown — the rows are already gone, and the bytes are unreachable.
 */
export async function releaseStoredBytes(
  deps: Pick<Deps, 'db' | 'storage' | 'log'>,
  actor: Actor,
  keys: string[],
) {
  for (const key of keys) {
    await removeIfUnused(deps, actor, key).catch((err: unknown) =>
      deps.log.error({ err, key }, 'could not remove stored file bytes'),
    );
  }
}

export async function deleteFile(deps: Deps, opts: { actor: Actor; id: string }) {
  const { f, owner } = await loadFile(deps, opts.actor, opts.id, true);
  await deps.db.transaction(async (tx) => {
    await tx.delete(recordFiles).where(inAccount(opts.actor, recordFiles, eq(recordFiles.id, f.id)));
    await recordAudit(tx, opts.actor, {
      type: 'file.removed',
      subjectType: owner.kind,
      subjectId: owner.id,
      data: { fileId: f.id, name: f.name },
    });
  });
  // Bytes are shared by identical uploads in the account: removed only when no row points at them.
  if (f.storageKey) await releaseStoredBytes(deps, opts.actor, [f.storageKey]);
}
