import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { AccountScope } from '../access/index.ts';
import { imports } from './schema.ts';

/**
 * The imports module's answer to files' `storedBytesHolders` hook (wired in src/server/wiring.ts): an
 * import's CSV upload shares the file storage, so its bytes stay while an import points at them.
 */
export async function importHoldsStoredBytes(db: DbOrTx, scope: AccountScope, key: string): Promise<boolean> {
  const [row] = await db
    .select({ id: imports.id })
    .from(imports)
    .where(inAccount(scope, imports, eq(imports.storageKey, key)))
    .limit(1);
  return row !== undefined;
}
