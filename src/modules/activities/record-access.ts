import type { DbOrTx } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { assertAgentsExist } from '../agents/index.ts';
import { authorize, type Actor } from '../access/index.ts';
import { loadVisibleIndividual } from '../individuals/index.ts';
import { loadVisibleSalesRecord } from '../sales-records/index.ts';
import { canViewAgent } from './visibility.ts';

export type RecordRef = {
  salesRecordId?: string | null | undefined;
  individualId?: string | null | undefined;
  agentId?: string | null | undefined;
};

/**
 * The record an activity is put on must be one the actor can view: another account's, or one
 * outside their scope (Record Access, Record Type Access, Accessible Agents), is "not found"
 * (decision 005) — through the same loaders the record pages use.
 */
export async function assertRecordVisible(tx: DbOrTx, actor: Actor, ref: RecordRef): Promise<void> {
  if (ref.salesRecordId) await loadVisibleSalesRecord(tx, actor, ref.salesRecordId);
  if (ref.individualId) await loadVisibleIndividual(tx, actor, ref.individualId);
  if (ref.agentId) {
    authorize(actor, 'agent.view');
    await assertAgentsExist(tx, actor, [ref.agentId]);
    if (!canViewAgent(actor, ref.agentId)) throw notFound('Agent');
  }
}
