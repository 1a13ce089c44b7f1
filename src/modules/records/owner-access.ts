import type { DbOrTx } from '../../db/client.ts';
import { authorize, type Actor } from '../access/index.ts';
import { loadVisibleIndividual } from '../individuals/index.ts';
import { loadVisibleSalesRecord, recordContext } from '../sales-records/index.ts';
import { assertNotConverted } from '../sales-records/index.ts';

/** The record that owns attached things (policies, files): a Sales Record or an Individual. */
export type RecordOwner = { kind: 'sales_record' | 'individual'; id: string };

/**
 * Check the actor may see the owner (404 otherwise) and, to change what is attached, edit it
 * (403). A converted Sales Record is read-only: its things now live on the Individual.
 */
export async function assertRecordOwnerAccess(
  tx: DbOrTx,
  actor: Actor,
  owner: RecordOwner,
  write: boolean,
): Promise<void> {
  if (owner.kind === 'sales_record') {
    const r = await loadVisibleSalesRecord(tx, actor, owner.id);
    if (write) {
      authorize(actor, 'sales_record.edit', { record: recordContext(r) });
      assertNotConverted(r);
    }
  } else {
    const i = await loadVisibleIndividual(tx, actor, owner.id);
    if (write)
      authorize(actor, 'individual.edit', {
        record: { kind: 'individual', servicingAgentId: i.servicingAgentId },
      });
  }
}
