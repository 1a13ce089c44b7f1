import { desc, eq, isNull } from 'drizzle-orm';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { authorize, type Actor } from '../access/index.ts';
import { loadVisibleIndividual } from '../individuals/index.ts';
import { recordTypeNames, statusLabels } from '../record-types/index.ts';
import { salesRecords } from './schema.ts';
import { salesRecordScope } from './scope.ts';

/**
 * The client's Sales Records: those created for this Individual (a new sale) or converted into
 * it, newest first — only those the viewer may see (Record Access, Record Type Access, Accessible
 * Agents, exactly as the lead list), deleted ones excluded. Needs Sales Record view. Status and
 * record type names come from the record-types module (two more queries for the page).
 */
export async function listClientSalesRecords(
  deps: Pick<Deps, 'db'>,
  opts: { actor: Actor; individualId: string },
) {
  const { actor } = opts;
  const ind = await loadVisibleIndividual(deps.db, actor, opts.individualId);
  authorize(actor, 'sales_record.view');
  const rows = await deps.db
    .select({
      id: salesRecords.id,
      firstName: salesRecords.firstName,
      lastName: salesRecords.lastName,
      recordTypeId: salesRecords.recordTypeId,
      statusId: salesRecords.statusId,
      coverageType: salesRecords.coverageType,
      carrier: salesRecords.carrier,
      product: salesRecords.product,
      assignedUserId: salesRecords.assignedUserId,
      assignedAgentId: salesRecords.assignedAgentId,
      convertedAt: salesRecords.convertedAt,
      createdAt: salesRecords.createdAt,
    })
    .from(salesRecords)
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
  const [labels, typeNames] = await Promise.all([
    statusLabels(
      deps.db,
      actor,
      rows.map((r) => r.statusId),
    ),
    recordTypeNames(
      deps.db,
      actor,
      rows.map((r) => r.recordTypeId),
    ),
  ]);
  // A record's status and record type always exist (foreign keys).
  return rows.map((r) => {
    const l = labels.get(r.statusId)!;
    return {
      ...r,
      recordTypeName: typeNames.get(r.recordTypeId)!,
      statusName: l.name,
      isClosedWon: l.isClosedWon,
      isClosed: l.isClosed,
    };
  });
}
