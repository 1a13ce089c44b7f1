import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { AccountScope } from '../access/index.ts';
import { formDocuments } from './schema.ts';

/**
 * The forms module's answer to files' `storedBytesHolders` hook (wired in src/server/wiring.ts): a
 * signed form's PDF shares the file storage and is kept for its retention period, so removing an
 * identical upload from a record's Files never deletes its bytes.
 */
export async function formHoldsStoredBytes(db: DbOrTx, scope: AccountScope, key: string): Promise<boolean> {
  const [row] = await db
    .select({ id: formDocuments.id })
    .from(formDocuments)
    .where(inAccount(scope, formDocuments, eq(formDocuments.storageKey, key)))
    .limit(1);
  return row !== undefined;
}
