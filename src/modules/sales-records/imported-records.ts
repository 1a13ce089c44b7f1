import { eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { AccountScope } from '../access/index.ts';
import { salesRecords } from './schema.ts';

/**
 * Rolling an import back (the imports module, in its transaction): remove the Sales Records it
 * created, except those converted since, in batches of 5,000. Returns how many went.
 */
export async function deleteRecordsOfImport(
  tx: DbOrTx,
  scope: AccountScope,
  importId: string,
): Promise<number> {
  const created = await tx
    .select({ id: salesRecords.id })
    .from(salesRecords)
    .where(
      inAccount(scope, salesRecords, eq(salesRecords.importId, importId), isNull(salesRecords.convertedAt)),
    );
  const ids = created.map((c) => c.id);
  for (let i = 0; i < ids.length; i += 5000) {
    await tx
      .delete(salesRecords)
      .where(inAccount(scope, salesRecords, inArray(salesRecords.id, ids.slice(i, i + 5000))));
  }
  return ids.length;
}
