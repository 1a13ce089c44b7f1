import { eq } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { SalesRecordConversionHook, SalesRecordPurgeHook } from '../sales-records/index.ts';
import { releaseStoredBytes, uploadKeysOf } from './files.ts';
import { recordFiles } from './schema.ts';

/** A purged Sales Record's file rows cascade with it; their stored bytes go once the purge commits. */
export const releaseFilesOfPurgedRecord: SalesRecordPurgeHook = async (deps, tx, actor, salesRecordId) => {
  const keys = await uploadKeysOf(tx, actor, salesRecordId);
  return () => releaseStoredBytes(deps, actor, keys);
};

/** A converted Sales Record's files are the Individual's too. */
export const moveFilesToIndividual: SalesRecordConversionHook = async (tx, actor, c) => {
  await tx
    .update(recordFiles)
    .set({ individualId: c.individualId })
    .where(inAccount(actor, recordFiles, eq(recordFiles.salesRecordId, c.salesRecordId)));
};
