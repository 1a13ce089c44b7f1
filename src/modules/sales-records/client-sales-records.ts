import { and, desc, eq, isNull } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { recordStatuses, recordTypes } from '../record-types/schema.ts';
import { authorize, type Actor } from '../access/index.ts';
import { loadVisibleIndividual } from '../individuals/index.ts';
import { salesRecords } from './schema.ts';
import { salesRecordScope } from './scope.ts';

/**
 * The client's Sales Records: those created for this Individual (a new sale) or converted into
 * it, newest first — only those the viewer may see (Record Access, Record Type Access, Accessible
 * Agents, exactly as the lead list), deleted ones excluded. Needs Sales Record view.
 */
export async function listClientSalesRecords(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; individualId: string },
) {
  const { actor } = opts;
  const ind = await loadVisibleIndividual(deps.db, actor, opts.individualId);
  authorize(actor, 'sales_record.view');
  return deps.db
    .select({
      id: salesRecords.id,
      firstName: salesRecords.firstName,
      lastName: salesRecords.lastName,
      recordTypeId: salesRecords.recordTypeId,
      recordTypeName: recordTypes.name,
      statusId: salesRecords.statusId,
      statusName: recordStatuses.name,
      isClosedWon: recordStatuses.isClosedWon,
      isClosed: recordStatuses.isClosed,
      coverageType: salesRecords.coverageType,
      carrier: salesRecords.carrier,
      product: salesRecords.product,
      assignedUserId: salesRecords.assignedUserId,
      assignedAgentId: salesRecords.assignedAgentId,
      convertedAt: salesRecords.convertedAt,
      createdAt: salesRecords.createdAt,
    })
    .from(salesRecords)
    .innerJoin(
      recordTypes,
      and(eq(recordTypes.accountId, salesRecords.accountId), eq(recordTypes.id, salesRecords.recordTypeId)),
    )
    .innerJoin(
      recordStatuses,
      and(eq(recordStatuses.accountId, salesRecords.accountId), eq(recordStatuses.id, salesRecords.statusId)),
    )
    .where(
      inAccount(
        actor,
        salesRecords,
        eq(salesRecords.individualId, ind.id),
        isNull(salesRecords.deletedAt),
        salesRecordScope(actor),
      ),
    )
    .orderBy(desc(salesRecords.createdAt), desc(salesRecords.id))
    .limit(500);
}
